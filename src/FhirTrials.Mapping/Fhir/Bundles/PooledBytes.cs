using System.Buffers;

namespace FhirTrials.Mapping.Fhir;

/// <summary>Serialized bytes in an array rented from <see cref="ArrayPool{T}.Shared"/>; disposing returns the array.</summary>
public sealed class PooledBytes : IDisposable
{
    private byte[]? _array;

    internal PooledBytes(byte[] array, int length)
    {
        _array = array;
        Length = length;
    }

    public int Length { get; }

    /// <summary>The bytes; empty once disposed.</summary>
    public ReadOnlySpan<byte> Span => _array is null ? default : _array.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _array is null ? default : _array.AsMemory(0, Length);

    public void Dispose()
    {
        if (_array is { } array)
        {
            _array = null;
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
