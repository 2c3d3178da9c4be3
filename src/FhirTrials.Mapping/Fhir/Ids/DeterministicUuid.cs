using System.Security.Cryptography;
using System.Text;

namespace FhirTrials.Mapping.Fhir;

/// <summary>Name-based (version 5, SHA-1) UUIDs as RFC 9562 defines them: the same name always gives the same UUID.</summary>
public static class DeterministicUuid
{
    /// <summary>The FhirTrials namespace: the v5 UUID of "https://fhirtrials.org" in the RFC's URL namespace.</summary>
    public static Guid FhirTrialsNamespace { get; } = Create(new Guid("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "https://fhirtrials.org");

    /// <summary>The v5 UUID of <paramref name="name"/> (UTF-8) in <paramref name="namespaceId"/>.</summary>
    public static Guid Create(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 specifies for version 5; it is not used for security
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    /// <summary>A <c>urn:uuid:</c> URI for <paramref name="name"/> in the FhirTrials namespace (lower case, as FHIR requires).</summary>
    public static string Urn(string name) => "urn:uuid:" + Create(FhirTrialsNamespace, name).ToString("D");

    /// <summary>First 8 bytes of the SHA-256 of <paramref name="text"/> as 16 lower-case hex digits.</summary>
    internal static string ShortHash(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}
