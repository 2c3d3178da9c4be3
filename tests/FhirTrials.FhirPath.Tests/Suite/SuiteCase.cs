using System.Xml.Linq;
using FhirTrials.Testing;

namespace FhirTrials.FhirPath.Tests.Suite;

/// <summary>One test of the official FHIRPath R4 suite (<c>tests/fixtures/fhirpath-r4/tests-fhir-r4.xml</c>).</summary>
public sealed record SuiteCase(
    string Id,
    string Group,
    string Expression,
    string? InputFile,
    string? Invalid,
    string? Mode,
    bool CheckOrderedFunctions,
    bool Predicate,
    bool Unordered,
    IReadOnlyList<SuiteOutput> Outputs)
{
    private static readonly Lazy<IReadOnlyList<SuiteCase>> Cases = new(Load);

    public static IReadOnlyList<SuiteCase> All => Cases.Value;

    public static string SuiteFile => TestPaths.Fixture("fhirpath-r4", "tests-fhir-r4.xml");

    /// <summary>The JSON twin of the input file (the suite names the XML originals).</summary>
    public string? InputPath => InputFile is null ? null : TestPaths.Fixture("fhirpath-r4", "fhirpath.js-r4-json", Path.ChangeExtension(InputFile, ".json"));

    public override string ToString() => Id;

    private static List<SuiteCase> Load()
    {
        var doc = XDocument.Load(SuiteFile);
        var cases = new List<SuiteCase>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in doc.Root!.Elements("group"))
        {
            foreach (var test in group.Elements("test"))
            {
                var expression = test.Element("expression")!;
                var name = (string?)test.Attribute("name") ?? "unnamed";
                var id = $"{group.Attribute("name")!.Value}/{name}";
                seen[id] = seen.GetValueOrDefault(id) + 1;
                if (seen[id] > 1)
                {
                    id += "#" + seen[id];
                }

                cases.Add(new SuiteCase(
                    id,
                    group.Attribute("name")!.Value,
                    expression.Value,
                    (string?)test.Attribute("inputfile"),
                    (string?)expression.Attribute("invalid"),
                    (string?)test.Attribute("mode") ?? (string?)expression.Attribute("mode"),
                    (string?)test.Attribute("checkOrderedFunctions") == "true",
                    (string?)test.Attribute("predicate") == "true",
                    (string?)test.Attribute("ordered") == "false",
                    [.. test.Elements("output").Select(o => new SuiteOutput((string?)o.Attribute("type"), o.Value))]));
            }
        }

        return cases;
    }
}

/// <summary>An expected result item: its type (as the suite names it: <c>boolean</c>, <c>code</c>, <c>Quantity</c>) and text.</summary>
public sealed record SuiteOutput(string? Type, string Value);
