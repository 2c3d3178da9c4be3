namespace FhirTrials.Fhir.Serialization;

/// <summary>
/// Serialized FHIR JSON held in the serializing thread's reusable buffer (see
/// <see cref="FhirJsonSerializer.SerializePooled"/>): <see cref="Span"/> is valid until the lease is disposed,
/// which hands the buffer back for the next resource. Dispose it on the thread that made it.
/// </summary>
public readonly struct SerializedJson : IDisposable
{
    private readonly JsonOutput _output;

    internal SerializedJson(JsonOutput output) => _output = output;

    /// <summary>The UTF-8 JSON.</summary>
    public ReadOnlySpan<byte> Span => _output.WrittenSpan;

    public void Dispose() => _output?.Dispose();
}
