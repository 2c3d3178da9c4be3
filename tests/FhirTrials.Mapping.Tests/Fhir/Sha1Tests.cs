using System.Security.Cryptography;
using FhirTrials.Mapping.Fhir;

namespace FhirTrials.Mapping.Tests.Fhir;

/// <summary>The managed SHA-1 behind v5 UUIDs agrees with the platform's on every padding case.</summary>
public sealed class Sha1Tests
{
    [Fact]
    public void Hash_EveryLengthUpToThreeBlocks_MatchesThePlatform()
    {
        var random = new Random(20261122);
        for (var length = 0; length <= 200; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            var actual = new byte[Sha1.HashSize];

            Sha1.Hash(data, actual);

#pragma warning disable CA5350 // the reference implementation of the algorithm under test
            Assert.True(SHA1.HashData(data).AsSpan().SequenceEqual(actual), $"length {length}");
#pragma warning restore CA5350
        }
    }

    [Fact]
    public void Hash_FipsExampleAbc_IsTheStandardDigest()
    {
        var actual = new byte[Sha1.HashSize];

        Sha1.Hash("abc"u8, actual);

        Assert.Equal("a9993e364706816aba3e25717850c26c9cd0d89d", Convert.ToHexStringLower(actual));
    }
}
