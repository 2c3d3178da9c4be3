using System.Buffers;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.Mapping.Fhir;

/// <summary>
/// Serializes resources through the serializer's per-thread reusable buffer, so a Bundle costs one final
/// copy: into an exact-size array, or into an array rented from the shared pool (a trial's indented Bundle is
/// larger than the large-object threshold, and a fresh large array per trial would cost a full collection
/// every few dozen trials).
/// </summary>
internal static class PooledJson
{
    private const byte NewLine = (byte)'\n';

    /// <summary>The FHIR JSON of <paramref name="resource"/>, optionally followed by a newline.</summary>
    public static byte[] Serialize(Resource resource, bool indented, bool newline)
    {
        using var json = FhirJsonSerializer.SerializePooled(resource, indented);

        // Every byte is overwritten at once: no need for the runtime to clear ~50 KB first.
        var result = GC.AllocateUninitializedArray<byte>(json.Span.Length + (newline ? 1 : 0));
        CopyTo(json.Span, result, newline);
        return result;
    }

    /// <summary>The FHIR JSON of <paramref name="resource"/> in a pooled array; dispose the result to return it.</summary>
    public static PooledBytes SerializePooled(Resource resource, bool indented, bool newline)
    {
        using var json = FhirJsonSerializer.SerializePooled(resource, indented);
        var length = json.Span.Length + (newline ? 1 : 0);
        var array = ArrayPool<byte>.Shared.Rent(length);
        CopyTo(json.Span, array, newline);
        return new PooledBytes(array, length);
    }

    private static void CopyTo(ReadOnlySpan<byte> json, byte[] destination, bool newline)
    {
        json.CopyTo(destination);
        if (newline)
        {
            destination[json.Length] = NewLine;
        }
    }
}
