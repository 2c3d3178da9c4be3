namespace FhirTrials.Fhir.Introspection;

/// <summary>
/// Compares element names (ASCII) as strings, and lets lookups use the raw UTF-8 bytes of a JSON
/// property name, so the parser never transcodes names.
/// </summary>
internal sealed class AsciiNameComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<byte>, string>, IAlternateEqualityComparer<ReadOnlySpan<char>, string>
{
    public static AsciiNameComparer Instance { get; } = new();

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    public int GetHashCode(string obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return GetHashCode(obj.AsSpan());
    }

    public bool Equals(ReadOnlySpan<byte> alternate, string other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (alternate.Length != other.Length)
        {
            return false;
        }

        for (var i = 0; i < alternate.Length; i++)
        {
            if (alternate[i] != other[i])
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(ReadOnlySpan<byte> alternate)
    {
        var hash = 2166136261u;
        foreach (var b in alternate)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)hash;
    }

    public string Create(ReadOnlySpan<byte> alternate) => System.Text.Encoding.UTF8.GetString(alternate);

    public bool Equals(ReadOnlySpan<char> alternate, string other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<char> alternate)
    {
        var hash = 2166136261u;
        foreach (var c in alternate)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }

    public string Create(ReadOnlySpan<char> alternate) => alternate.ToString();
}
