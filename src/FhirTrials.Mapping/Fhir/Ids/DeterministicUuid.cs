using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace FhirTrials.Mapping.Fhir;

/// <summary>Name-based (version 5, SHA-1) UUIDs as RFC 9562 defines them: the same name always gives the same UUID.</summary>
public static class DeterministicUuid
{
    /// <summary>The FhirTrials namespace: the v5 UUID of "https://fhirtrials.org" in the RFC's URL namespace.</summary>
    public static Guid FhirTrialsNamespace { get; } = Create(new Guid("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "https://fhirtrials.org");

    private const string UrnPrefix = "urn:uuid:";

    /// <summary>The v5 UUID of <paramref name="name"/> (UTF-8) in <paramref name="namespaceId"/>.</summary>
    public static Guid Create(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var maxLength = 16 + Encoding.UTF8.GetMaxByteCount(name.Length);
        byte[]? rented = null;
        var input = maxLength <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(maxLength));
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        var length = 16 + Encoding.UTF8.GetBytes(name, input[16..]);
        Span<byte> hash = stackalloc byte[Sha1.HashSize];
        Sha1.Hash(input[..length], hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>A <c>urn:uuid:</c> URI for <paramref name="name"/> in the FhirTrials namespace (lower case, as FHIR requires).</summary>
    public static string Urn(string name) =>
        string.Create(UrnPrefix.Length + 36, Create(FhirTrialsNamespace, name), static (chars, uuid) =>
        {
            UrnPrefix.CopyTo(chars);
            uuid.TryFormat(chars[UrnPrefix.Length..], out _, "D");
        });

    /// <summary>First 8 bytes of the SHA-256 of <paramref name="text"/> as 16 lower-case hex digits.</summary>
    internal static string ShortHash(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
