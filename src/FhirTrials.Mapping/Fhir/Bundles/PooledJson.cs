using System.Buffers;
using System.Text.Json;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.Mapping.Fhir;

/// <summary>Serializes resources into a per-thread buffer that is reused, so a Bundle costs one final copy.</summary>
internal static class PooledJson
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    /// <summary>The FHIR JSON of <paramref name="resource"/>, optionally followed by a newline.</summary>
    public static byte[] Serialize(Resource resource, bool indented, bool newline)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1 << 16);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, FhirJsonSerializer.WriterOptions(indented)))
        {
            FhirJsonSerializer.Serialize(resource, writer);
        }

        if (newline)
        {
            buffer.Write("\n"u8);
        }

        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 1 << 24)
        {
            _buffer = null;
        }

        return bytes;
    }
}
