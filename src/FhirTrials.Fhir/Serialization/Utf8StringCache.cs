using System.Text;

namespace FhirTrials.Fhir.Serialization;

/// <summary>
/// Shares the strings of short, frequently repeated JSON values (codes, systems, units, statuses) instead
/// of allocating one per occurrence. A fixed-size, lock-free table: a slot holds the last string hashed
/// there; a hit is verified against the bytes, so races only cost a miss.
/// </summary>
internal static class Utf8StringCache
{
    private const int MaxLength = 48;
    private const int Slots = 1 << 13;
    private static readonly string?[] Table = new string?[Slots];

    /// <summary>The string for unescaped UTF-8 <paramref name="bytes"/>, shared when short and ASCII.</summary>
    public static string Get(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxLength || !Ascii.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var hash = new HashCode();
        hash.AddBytes(bytes);
        var slot = hash.ToHashCode() & (Slots - 1);
        var cached = Volatile.Read(ref Table[slot]);
        if (cached is not null && Ascii.Equals(bytes, cached))
        {
            return cached;
        }

        var created = Encoding.ASCII.GetString(bytes);
        Volatile.Write(ref Table[slot], created);
        return created;
    }
}
