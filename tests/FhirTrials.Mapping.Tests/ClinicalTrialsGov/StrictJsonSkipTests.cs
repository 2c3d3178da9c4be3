using System.Text.Json;
using FhirTrials.Mapping.ClinicalTrialsGov;
using FhirTrials.Mapping.Tests.Support;

namespace FhirTrials.Mapping.Tests.ClinicalTrialsGov;

/// <summary>
/// The fast skip accepts exactly what a strict <see cref="Utf8JsonReader"/> accepts, and ends where the reader
/// ends: checked on every fixture and on many seeded single-byte mutations of them (changed, removed or
/// inserted bytes that matter to JSON), reporting every disagreement at once.
/// </summary>
public sealed class StrictJsonSkipTests
{
    private static readonly byte[] Interesting = "\"\\,:{}[]0-.eEtfnu1 \n\t\u0001x/+"u8.ToArray();

    [Fact]
    public void ValueLength_EveryFixture_EndsWhereTheReaderEnds()
    {
        var failures = new List<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.CtGovFull, "*.json").Concat(Directory.GetFiles(RepositoryPaths.CtGovPartial, "*.json")))
        {
            var json = File.ReadAllBytes(file);
            var (expected, actual) = (ReaderLength(json, 256), StrictJsonSkip.ValueLength(json, 256));
            if (expected != actual || actual < 0)
            {
                failures.Add($"{RepositoryPaths.Relative(file)}: reader {expected}, skip {actual}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void ValueLength_MutatedJson_AgreesWithTheReader()
    {
        var random = new Random(20240611);
        var failures = new List<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.CtGovPartial, "*.json").Order(StringComparer.Ordinal))
        {
            var original = File.ReadAllBytes(file);
            for (var i = 0; i < 300; i++)
            {
                var json = Mutate(original, random);
                var (expected, actual) = (ReaderLength(json, 256), StrictJsonSkip.ValueLength(json, 256));
                if (expected != actual)
                {
                    failures.Add($"{RepositoryPaths.Relative(file)} mutation {i}: reader {expected}, skip {actual}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} disagreements:\n{string.Join("\n", failures.Take(30))}");
    }

    [Theory]
    [InlineData("[[1]]", 2, 5)]
    [InlineData("[[1]]", 1, -1)]
    [InlineData("{\"a\":{\"b\":[]}}", 3, 14)]
    [InlineData("{\"a\":{\"b\":[]}}", 2, -1)]
    public void ValueLength_Nesting_LimitedLikeTheReader(string json, int containersAllowed, int expected)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);

        Assert.Equal(expected, StrictJsonSkip.ValueLength(bytes, containersAllowed));
        Assert.Equal(expected, ReaderLength(bytes, containersAllowed));
    }

    private static byte[] Mutate(byte[] json, Random random)
    {
        var position = random.Next(json.Length);
        var value = Interesting[random.Next(Interesting.Length)];
        return random.Next(3) switch
        {
            0 => [.. json[..position], value, .. json[(position + 1)..]],
            1 => [.. json[..position], .. json[(position + 1)..]],
            _ => [.. json[..position], value, .. json[position..]],
        };
    }

    /// <summary>The length of the first value as the strict reader skips it, or -1 when it reports an error or it is not a container.</summary>
    private static int ReaderLength(byte[] json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth, AllowMultipleValues = true });
        try
        {
            if (!reader.Read() || reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                return -1;
            }

            reader.Skip();
            return (int)reader.BytesConsumed;
        }
        catch (JsonException)
        {
            return -1;
        }
    }
}
