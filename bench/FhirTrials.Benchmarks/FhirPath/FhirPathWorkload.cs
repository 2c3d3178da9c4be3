using System.Text.Json;
using System.Xml.Linq;
using FhirTrials.Fhir.Definitions;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Serialization;
using FhirTrials.FhirPath;
using FhirTrials.Testing;

namespace FhirTrials.Benchmarks.FhirPath;

/// <summary>
/// The FHIRPath benchmark workloads, shared with the JavaScript peer (bench/fhirpath-js) through an
/// exported JSON file so both engines run exactly the same expressions on the same inputs:
/// <list type="bullet">
/// <item>suite: the official R4 suite's expressions that have an input file and are not meant to fail;</item>
/// <item>invariants: the constraints of each resource type's base StructureDefinition (ele-1 aside;
/// element constraints as <c>path.all(expression)</c> from the root; functions fhirpath.js lacks
/// left out) on every 10th R4 example of at most 50 KB.</item>
/// </list>
/// </summary>
public sealed class FhirPathWorkload
{
    /// <summary>Functions fhirpath.js 4.x cannot evaluate synchronously without servers.</summary>
    private static readonly string[] UnsupportedInJs = ["htmlChecks(", "conformsTo(", "memberOf(", "resolve(", "hasExtension("];

    private FhirPathWorkload(List<Case> suite, List<Resource> resources, Dictionary<string, List<string>> invariantsByType)
    {
        Suite = suite;
        Resources = resources;
        InvariantsByType = invariantsByType;
        InvariantCases = [.. resources.SelectMany(r => invariantsByType.GetValueOrDefault(r.Type, []).Select(e => new Case(e, r)))];
    }

    public IReadOnlyList<Case> Suite { get; }

    public IReadOnlyList<Resource> Resources { get; }

    public IReadOnlyDictionary<string, List<string>> InvariantsByType { get; }

    /// <summary>Every (invariant, example) pair.</summary>
    public IReadOnlyList<Case> InvariantCases { get; }

    public static FhirPathWorkload Load()
    {
        var suiteResources = new Dictionary<string, Resource>(StringComparer.Ordinal);
        var suite = new List<Case>();
        foreach (var test in XDocument.Load(TestPaths.Fixture("fhirpath-r4", "tests-fhir-r4.xml")).Descendants("test"))
        {
            var expression = test.Element("expression")!;
            if (expression.Attribute("invalid") is not null || (string?)test.Attribute("inputfile") is not { } input)
            {
                continue;
            }

            var name = Path.ChangeExtension(input, ".json");
            if (!suiteResources.TryGetValue(name, out var resource))
            {
                suiteResources[name] = resource = Resource.From(name, File.ReadAllBytes(TestPaths.Fixture("fhirpath-r4", "fhirpath.js-r4-json", name)));
            }

            suite.Add(new Case(expression.Value, resource));
        }

        var examples = R4Examples.All.Where((_, i) => i % 10 == 0).Where(f => f.Content.Length <= 50_000).Select(f => Resource.From(f.Name, f.Content)).ToList();
        var invariants = examples.Select(r => r.Type).Distinct(StringComparer.Ordinal).ToDictionary(t => t, InvariantsOf, StringComparer.Ordinal);
        return new FhirPathWorkload(suite, examples, invariants);
    }

    /// <summary>Writes the workload for the JavaScript peer: the inputs as raw JSON and the expressions.</summary>
    public void Export(string path)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteStartObject("resources");
        foreach (var resource in Suite.Select(c => c.Input).Concat(Resources).DistinctBy(r => r.Name))
        {
            json.WritePropertyName(resource.Name);
            json.WriteRawValue(resource.Json);
        }

        json.WriteEndObject();
        json.WriteStartArray("suite");
        foreach (var c in Suite)
        {
            json.WriteStartObject();
            json.WriteString("expression", c.Expression);
            json.WriteString("resource", c.Input.Name);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("invariantResources");
        Resources.ToList().ForEach(r => json.WriteStringValue(r.Name));
        json.WriteEndArray();
        json.WriteStartObject("invariantsByType");
        foreach (var (type, expressions) in InvariantsByType)
        {
            json.WriteStartArray(type);
            expressions.ForEach(json.WriteStringValue);
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The invariants of a resource type's snapshot, written to run on the resource itself.</summary>
    private static List<string> InvariantsOf(string type)
    {
        var sd = R4Definitions.Resolver.ResolveNode(R4Definitions.TypeCanonical(type));
        var result = new List<string>();
        foreach (var element in sd?.Child("snapshot")?.ChildrenNamed("element") ?? [])
        {
            var path = element.Child("path")!.Text!.Replace("[x]", string.Empty, StringComparison.Ordinal);
            foreach (var constraint in element.ChildrenNamed("constraint"))
            {
                var key = constraint.Child("key")?.Text;
                var expression = constraint.Child("expression")?.Text;
                if (key == "ele-1" || expression is null || UnsupportedInJs.Any(f => expression.Contains(f, StringComparison.Ordinal)))
                {
                    continue;
                }

                result.Add(path == type ? expression : $"{path}.all({expression})");
            }
        }

        return [.. result.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>An input: its name, raw JSON and parsed tree.</summary>
    public sealed record Resource(string Name, string Type, byte[] Json, ElementNode Node)
    {
        public static Resource From(string name, byte[] json)
        {
            var node = new FhirJsonParser(FhirJsonParserSettings.LenientMode).Parse(json, name).Root
                ?? throw new InvalidDataException($"{name}: not a FHIR resource");
            return new Resource(name, node.Type?.Name ?? "Resource", json, node);
        }
    }

    /// <summary>One evaluation: an expression (compiled once) on an input.</summary>
    public sealed record Case(string Expression, Resource Input)
    {
        public CompiledExpression Compiled { get; } = FhirPathCompiler.Default.Compile(Expression);
    }
}
