using System.Buffers;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>Growing a byte array rented from the shared pool.</summary>
internal static class PooledBuffer
{
    /// <summary>Replaces <paramref name="array"/> by one twice as large holding its first <paramref name="used"/> bytes, and returns the old one to the pool.</summary>
    public static void Grow(ref byte[] array, int used)
    {
        var larger = ArrayPool<byte>.Shared.Rent(array.Length * 2);
        array.AsSpan(0, used).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(array);
        array = larger;
    }
}
