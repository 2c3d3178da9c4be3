using System.Text;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Testing;
using Xunit.Abstractions;

namespace FhirTrials.Fhir.Tests.Serialization;

/// <summary>
/// The direct typed reader (JSON straight into the classes) against the tree path (JSON → element tree →
/// classes): it must read every valid example, give the same objects, and never accept what the tree rejects.
/// </summary>
public sealed class DirectJsonReaderTests
{
    private static readonly string MalformedFolder = Path.Combine(TestPaths.RepoRoot, "tests", "FhirTrials.Fhir.Tests", "Serialization", "Malformed");

    private readonly ITestOutputHelper _output;

    public DirectJsonReaderTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void TryParseDirect_AllTypedR4Examples_ReadsEachAndWritesTheSameJsonAsTheTreePath()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var file in R4Examples.All.Where(f => ModelFactory.CreateResource(f.ResourceType) is not null))
        {
            count++;
            var treeIssues = new FhirJsonParser(FhirJsonParserSettings.LenientMode).Parse(file.Content, file.Name).Issues;
            var direct = FhirJsonParser.TryParseDirect(file.Content, file.Name);
            if (treeIssues.Count > 0)
            {
                // The spec's own erratum (ExampleRoundTripTests.KnownErrata): the tree rejects it, so must the direct reader.
                if (direct is not null)
                {
                    failures.Add($"{file.Name}: read directly although the tree reports {treeIssues[0]}");
                }

                continue;
            }

            if (direct is null)
            {
                failures.Add($"{file.Name}: the direct reader gave up on a valid example");
                continue;
            }

            var viaTree = Write(NodeReader.Resource(FhirJsonParser.ParseNode(file.Content, file.Name)));
            if (!viaTree.AsSpan().SequenceEqual(Write(direct)))
            {
                failures.Add($"{file.Name}: the direct reader's objects write different JSON than the tree path's");
            }
        }

        _output.WriteLine($"{count - failures.Count} of {count} typed examples read directly, identical to the tree path");
        Assert.True(count > 3000, $"only {count} typed examples");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(50)));
    }

    [Fact]
    public void TryParseDirect_ExampleOfATypeWithoutClass_GivesUpAndParseStillReturnsItsTree()
    {
        var file = R4Examples.All.First(f => ModelFactory.CreateResource(f.ResourceType) is null);

        Assert.Null(FhirJsonParser.TryParseDirect(file.Content, file.Name));
        Assert.IsType<DynamicResource>(FhirJsonParser.Parse<Resource>(file.Content, file.Name));
    }

    public static TheoryData<string> MalformedCases() => MalformedInputTests.Cases();

    [Theory]
    [MemberData(nameof(MalformedCases))]
    public void ParseTyped_MalformedInput_DirectReaderGivesUpAndTheErrorIsTheTreePaths(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(MalformedFolder, file));
        var tree = Assert.Throws<FhirParseException>(() => new FhirJsonParser().Parse(bytes, file));

        var typed = Assert.Throws<FhirParseException>(() => FhirJsonParser.Parse<Resource>(bytes, file));

        Assert.Null(FhirJsonParser.TryParseDirect(bytes, file));
        Assert.Equal(tree.Issue, typed.Issue);
    }

    /// <summary>
    /// Byte-level mutants of small typed examples (seeded, so the same every run): whatever the tree rejects the
    /// direct reader must give up on, with the tree's error from Parse; whatever it reads must equal the tree's reading.
    /// </summary>
    [Fact]
    public void TryParseDirect_MutatedExamples_NeverAcceptsWhatTheTreeRejects()
    {
        var random = new Random(20261122);
        var files = R4Examples.All.Where(f => ModelFactory.CreateResource(f.ResourceType) is not null && f.Content.Length < 4000).ToList();
        var replacements = "\"0,:{}[]n _x-T.1/e\\"u8.ToArray();
        var failures = new List<string>();
        var (rejected, readDirectly) = (0, 0);
        for (var i = 0; i < 4000; i++)
        {
            var file = files[random.Next(files.Count)];
            var bytes = (byte[])file.Content.Clone();
            var at = random.Next(bytes.Length);
            bytes[at] = replacements[random.Next(replacements.Length)];
            var name = $"{file.Name}#{i}";
            var tree = Record.Exception(() => FhirJsonParser.ParseNode(bytes, name));
            var direct = FhirJsonParser.TryParseDirect(bytes, name);
            if (tree is FhirParseException treeError)
            {
                rejected++;
                var typedError = Record.Exception(() => FhirJsonParser.Parse<Resource>(bytes, name)) as FhirParseException;
                if (direct is not null || typedError?.Issue != treeError.Issue)
                {
                    failures.Add($"{name}: tree says {treeError.Issue}, direct {(direct is null ? "gave up" : "read it")}, Parse<T> says {typedError?.Issue}");
                }
            }
            else if (direct is not null)
            {
                readDirectly++;
                if (!Write(direct).AsSpan().SequenceEqual(Write(NodeReader.Resource(FhirJsonParser.ParseNode(bytes, name)))))
                {
                    failures.Add($"{name}: the direct reading writes different JSON");
                }
            }
        }

        _output.WriteLine($"4000 mutants: {rejected} rejected by the tree, {readDirectly} read directly");
        Assert.True(rejected > 1000 && readDirectly > 300, $"the mutants no longer cover both sides: {rejected} rejected, {readDirectly} read");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(30)));
    }

    internal static byte[] Write(Resource resource) => FhirJsonSerializer.SerializeToUtf8Bytes(resource);

    internal static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
