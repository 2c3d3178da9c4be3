using System.Buffers;
using System.Text.Json;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.Mapping.Fhir;

/// <summary>
/// Serializes resources into a per-thread buffer that is reused, so a Bundle costs one final copy: into an
/// exact-size array, or into an array rented from the shared pool (a trial's indented Bundle is larger than
/// the large-object threshold, and a fresh large array per trial would cost a full collection every few dozen
/// trials).
/// </summary>
internal static class PooledJson
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    /// <summary>The FHIR JSON of <paramref name="resource"/>, optionally followed by a newline.</summary>
    public static byte[] Serialize(Resource resource, bool indented, bool newline) => Write(resource, indented, newline).ToArray();

    /// <summary>The FHIR JSON of <paramref name="resource"/> in a pooled array; dispose the result to return it.</summary>
    public static PooledBytes SerializePooled(Resource resource, bool indented, bool newline)
    {
        var written = Write(resource, indented, newline);
        var array = ArrayPool<byte>.Shared.Rent(written.Length);
        written.CopyTo(array);
        return new PooledBytes(array, written.Length);
    }

    private static ReadOnlySpan<byte> Write(Resource resource, bool indented, bool newline)
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

        if (buffer.Capacity > 1 << 24)
        {
            // One huge trial must not keep its buffer alive on this thread; the bytes stay valid until the next call.
            _buffer = null;
        }

        return buffer.WrittenSpan;
    }
}
