using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Validation.Invariants;
using FhirTrials.Validation.Schema;
using FhirTrials.Validation.Tests.Examples;

namespace FhirTrials.Validation.Tests.Engine;

/// <summary>
/// The hand-written invariants give exactly what the FHIRPath engine gives for their expressions, on
/// every node of the R4 instance examples (and of broken variants that make them fail).
/// </summary>
public sealed class NativeInvariantTests
{
    public static TheoryData<string> Expressions() => [.. NativeInvariants.Expressions];

    [Theory]
    [MemberData(nameof(Expressions))]
    public void IsSatisfied_EveryExampleNode_SameAsFhirPath(string expression)
    {
        var native = NativeInvariants.Find(expression)!;
        var fhirPath = FhirPathInvariantEvaluator.Instance.Compile(expression, out var error);
        Assert.True(fhirPath is not null, error);
        var scope = new ValidationScope(FhirValidator.Default.Services, structureReported: false);
        var differences = new List<string>();
        var failures = 0;
        foreach (var root in Trees())
        {
            foreach (var node in Walk(root))
            {
                bool expected;
                try
                {
                    expected = fhirPath.IsSatisfied(node, scope);
                }
                catch (FhirTrials.FhirPath.FhirPathException)
                {
                    continue; // a node of a type the invariant is never on (ref-1 on an element named reference that is not a string)
                }

                failures += expected ? 0 : 1;
                if (native.IsSatisfied(node, scope) != expected)
                {
                    differences.Add($"{node.SourceName}: {node.Location}: FHIRPath {expected}");
                }
            }
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(20)));
        Assert.True(failures > 0 || expression.StartsWith("text.", StringComparison.Ordinal) || expression.StartsWith("hasValue", StringComparison.Ordinal),
            $"no node makes '{expression}' fail: the comparison proves nothing");
    }

    /// <summary>The examples, plus variants built to make each native invariant fail somewhere.</summary>
    private static IEnumerable<ElementNode> Trees()
    {
        var parser = new FhirJsonParser(FhirJsonParserSettings.LenientMode);
        foreach (var file in ExampleCorpus.Instances)
        {
            yield return parser.Parse(file.Content, file.Name).Root!;
        }

        string[] broken =
        [
            """{"resourceType":"MedicationRequest","contained":[{"resourceType":"Medication","id":"m1"},{"resourceType":"Medication","id":"m2","meta":{"versionId":"1","security":[{"code":"R"}]},"contained":[{"resourceType":"Substance","id":"s"}]}],"status":"active","intent":"order","medicationReference":{"reference":"#m1"},"subject":{"reference":"#nothere"}}""",
            """{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":{"value":1,"code":"mg"},"component":[{"code":{"text":"d"},"valueQuantity":{"value":2,"comparator":"<","system":"http://unitsofmeasure.org","code":"mg"}}]}""",
            """{"resourceType":"Patient","telecom":[{"value":"555"}],"contained":[{"resourceType":"Organization","id":"o1","endpoint":[{"reference":"#"}]},{"resourceType":"Organization","id":"o2"}],"managingOrganization":{"reference":"#"}}""",
            """{"resourceType":"MedicationRequest","status":"active","intent":"order","medicationCodeableConcept":{"text":"x"},"subject":{"reference":"Patient/1"},"dosageInstruction":[{"timing":{"repeat":{"boundsDuration":{"value":1,"code":"d","system":"http://example.org"}}}},{"timing":{"repeat":{"boundsDuration":{"code":"d"}}}}]}""",
        ];
        foreach (var json in broken)
        {
            yield return parser.Parse(json, "broken").Root ?? throw new InvalidOperationException("a broken variant is not JSON: " + json);
        }
    }

    private static IEnumerable<ElementNode> Walk(ElementNode node)
    {
        yield return node;
        foreach (var child in node.Children)
        {
            foreach (var descendant in Walk(child))
            {
                yield return descendant;
            }
        }
    }
}
