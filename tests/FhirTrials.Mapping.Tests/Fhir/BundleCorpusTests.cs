using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tests.Fhir.Support;

namespace FhirTrials.Mapping.Tests.Fhir;

/// <summary>
/// Every example record and every CT.gov fixture (943 full, 74 partial) maps to a transaction Bundle that
/// parses strictly, round-trips through the typed model byte for byte, resolves every reference inside
/// itself, reverses to the same record, and maps again to the same bytes.
/// </summary>
public sealed class BundleCorpusTests
{
    public static TheoryData<string> Corpora => MappingCorpus.Names;

    [Theory]
    [MemberData(nameof(Corpora))]
    public void Map_EveryRecord_GivesAStrictlyValidSelfContainedBundle(string corpus)
    {
        var records = MappingCorpus.Records(corpus);
        var failures = new List<string>();
        foreach (var (source, record) in records)
        {
            var bytes = TrialBundleMapper.Default.MapToJson(record);
            var tree = FhirJsonParser.ParseNode(bytes, source);
            var typed = FhirJsonParser.Parse<Bundle>(bytes, source);
            if (!FhirJsonSerializer.SerializeToUtf8Bytes(typed).AsSpan().SequenceEqual(bytes))
            {
                failures.Add($"{source}: the typed Bundle does not serialize back to the same bytes");
            }

            failures.AddRange(UnresolvedReferences(tree).Select(r => $"{source}: {r}"));
            failures.AddRange(BundleRules(tree).Select(r => $"{source}: {r}"));
        }

        Assert.Equal(corpus switch { "examples" => 7, "ctgov-v2" => 943, _ => 74 }, records.Count);
        Assert.True(failures.Count == 0, $"{failures.Count} problems:\n{string.Join("\n", failures.Take(40))}");
    }

    [Theory]
    [MemberData(nameof(Corpora))]
    public void Reverse_EveryBundle_GivesTheRecordBackAndIsAFixedPoint(string corpus)
    {
        var failures = new List<string>();
        var emptyObjects = new List<string>();
        foreach (var (source, record) in MappingCorpus.Records(corpus))
        {
            var bytes = TrialBundleMapper.Default.MapToJson(record);
            var back = TrialRecordReverseMapper.Default.Reverse(FhirJsonParser.Parse<Bundle>(bytes, source));
            var expected = RecordNormalizer.WithoutEmptyObjects(record, out var removed);
            emptyObjects.AddRange(removed.Select(path => $"{source}: {path}"));
            failures.AddRange(TrialRecordComparison.Differences(expected, back).Select(d => $"{source}: {d}"));
            if (!TrialBundleMapper.Default.MapToJson(back).AsSpan().SequenceEqual(bytes))
            {
                failures.Add($"{source}: map(reverse(map(r))) differs from map(r)");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} differences:\n{string.Join("\n", failures.Take(40))}");
        Assert.All(emptyObjects, path => Assert.EndsWith("$.oversight", path, StringComparison.Ordinal));
    }

    /// <summary>Every literal reference resolves to an entry's fullUrl; every canonical to a resource's url.</summary>
    private static IEnumerable<string> UnresolvedReferences(ElementNode bundle)
    {
        var fullUrls = bundle.Values("entry.fullUrl").ToHashSet(StringComparer.Ordinal);
        var canonicals = bundle.Select("entry.resource").Select(r => r.Value("url")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var node in Descendants(bundle))
        {
            if (node.Name == "reference" && node.Parent?.TypeName == "Reference" && !fullUrls.Contains(node.Text!))
            {
                yield return $"{node.Location}: {node.Text} is not an entry of the bundle";
            }

            if (node.TypeName == "canonical" && node.Name != "profile" && !canonicals.Contains(node.Text!))
            {
                yield return $"{node.Location}: canonical {node.Text} is not a resource of the bundle";
            }
        }
    }

    /// <summary>Transaction rules: urn:uuid fullUrls, unique; every request conditional; ids present.</summary>
    private static IEnumerable<string> BundleRules(ElementNode bundle)
    {
        if (bundle.Value("type") != "transaction")
        {
            yield return "not a transaction";
        }

        var fullUrls = bundle.Values("entry.fullUrl");
        if (fullUrls.Distinct(StringComparer.Ordinal).Count() != fullUrls.Count || fullUrls.Any(u => !u.StartsWith("urn:uuid:", StringComparison.Ordinal)))
        {
            yield return "fullUrls are not unique urn:uuid values";
        }

        foreach (var entry in bundle.Select("entry"))
        {
            var method = entry.Value("request.method");
            var url = entry.Value("request.url") ?? "";
            var conditional = method == "PUT" ? url.Contains('?', StringComparison.Ordinal) : method == "POST" && entry.Value("request.ifNoneExist") is not null;
            if (!conditional || entry.Value("resource.id") is null)
            {
                yield return $"{entry.Location}: request {method} {url} is not conditional or the resource has no id";
            }
        }
    }

    private static IEnumerable<ElementNode> Descendants(ElementNode node) =>
        node.Children.SelectMany(child => Descendants(child).Prepend(child));
}
