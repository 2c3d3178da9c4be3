using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace FhirTrials.Mapping.Fhir;

/// <summary>
/// SHA-1 (FIPS 180-4, section 6.1) for the short names of v5 UUIDs. The platform's hash goes through the
/// native crypto library, whose per-call set-up costs several times the hashing of a 60-byte name; a trial
/// needs dozens of UUIDs. Used for name-based identifiers only, never for security.
/// </summary>
internal static class Sha1
{
    public const int HashSize = 20;

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<uint> state = [0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u];
        var full = data.Length / 64 * 64;
        for (var offset = 0; offset < full; offset += 64)
        {
            Compress(state, data.Slice(offset, 64));
        }

        // Padding: 0x80, zeros to 56 mod 64, then the message length in bits as a big-endian 64-bit integer.
        Span<byte> tail = stackalloc byte[128];
        tail.Clear();
        var rest = data[full..];
        rest.CopyTo(tail);
        tail[rest.Length] = 0x80;
        var tailLength = rest.Length + 9 <= 64 ? 64 : 128;
        BinaryPrimitives.WriteUInt64BigEndian(tail.Slice(tailLength - 8, 8), (ulong)data.Length * 8);
        for (var offset = 0; offset < tailLength; offset += 64)
        {
            Compress(state, tail.Slice(offset, 64));
        }

        for (var i = 0; i < 5; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(i * 4, 4), state[i]);
        }
    }

    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block)
    {
        Span<uint> w = stackalloc uint[80];
        for (var t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(t * 4, 4));
        }

        for (var t = 16; t < 80; t++)
        {
            w[t] = BitOperations.RotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        }

        // The four 20-round stages as separate loops: no stage test per round.
        uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];
        for (var t = 0; t < 20; t++)
        {
            Round(ref a, ref b, ref c, ref d, ref e, ((b & c) | (~b & d)) + 0x5A827999u + w[t]);
        }

        for (var t = 20; t < 40; t++)
        {
            Round(ref a, ref b, ref c, ref d, ref e, (b ^ c ^ d) + 0x6ED9EBA1u + w[t]);
        }

        for (var t = 40; t < 60; t++)
        {
            Round(ref a, ref b, ref c, ref d, ref e, ((b & c) | (b & d) | (c & d)) + 0x8F1BBCDCu + w[t]);
        }

        for (var t = 60; t < 80; t++)
        {
            Round(ref a, ref b, ref c, ref d, ref e, (b ^ c ^ d) + 0xCA62C1D6u + w[t]);
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
    }

    /// <summary>One round: <paramref name="input"/> is f(b, c, d) + K + W[t].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(ref uint a, ref uint b, ref uint c, ref uint d, ref uint e, uint input)
    {
        var temp = BitOperations.RotateLeft(a, 5) + e + input;
        e = d;
        d = c;
        c = BitOperations.RotateLeft(b, 30);
        b = a;
        a = temp;
    }
}
