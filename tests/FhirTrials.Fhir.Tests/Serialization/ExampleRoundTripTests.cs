using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Testing;
using Xunit.Abstractions;

namespace FhirTrials.Fhir.Tests.Serialization;

/// <summary>Every resource of hl7.fhir.r4.examples (all 5,306) through the element tree and, where the model has a class, through the typed classes.</summary>
public sealed class ExampleRoundTripTests
{
    private readonly ITestOutputHelper _output;

    public ExampleRoundTripTests(ITestOutputHelper output) => _output = output;

    /// <summary>Examples the spec itself gets wrong, with the parse issue they rightly raise.</summary>
    private static readonly Dictionary<string, string> KnownErrata = new(StringComparer.Ordinal)
    {
        // Resource.id is at most 64 characters; this id has 67.
        ["SearchParameter-questionnaireresponse-extensions-QuestionnaireResponse-item-subject.json"] = "is not a valid id: an id has 1 to 64 characters",
    };

    [Fact]
    public void ParseAndWrite_AllR4Examples_ElementTreeIsLossless()
    {
        var failures = new List<string>();
        var parser = new FhirJsonParser(FhirJsonParserSettings.LenientMode);
        var count = 0;
        foreach (var file in R4Examples.All)
        {
            count++;
            var result = parser.Parse(file.Content, file.Name);
            var expectedIssue = KnownErrata.GetValueOrDefault(file.Name);
            var issues = result.Issues.Select(i => i.ToString()).ToList();
            if (expectedIssue is null ? issues.Count > 0 : !(issues.Count == 1 && issues[0].Contains(expectedIssue, StringComparison.Ordinal)))
            {
                failures.AddRange(issues.DefaultIfEmpty($"{file.Name}: expected the issue '{expectedIssue}'"));
                continue;
            }

            var written = FhirJsonSerializer.SerializeToUtf8Bytes(result.Root!);
            if (JsonSemantics.Diff(file.Content, written) is { } diff)
            {
                failures.Add($"{file.Name}: {diff}");
            }
        }

        _output.WriteLine($"{count - failures.Count} of {count} examples round-trip through the element tree");
        Assert.Equal(5306, count);
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(50)));
    }

    [Fact]
    public void ParseAndWrite_TypedExamples_ClassesAreLossless()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var file in R4Examples.All)
        {
            if (ModelFactory.CreateResource(file.ResourceType) is null || KnownErrata.ContainsKey(file.Name))
            {
                continue;
            }

            count++;
            try
            {
                var resource = FhirJsonParser.Parse<Resource>(file.Content, file.Name);
                Assert.IsNotType<DynamicResource>(resource);
                var written = FhirJsonSerializer.SerializeToUtf8Bytes(resource);
                if (JsonSemantics.Diff(file.Content, written) is { } diff)
                {
                    failures.Add($"{file.Name}: {diff}");
                }
            }
            catch (FhirParseException ex)
            {
                failures.Add(ex.Message);
            }
        }

        _output.WriteLine($"{count - failures.Count} of {count} typed examples round-trip through the classes");
        Assert.True(count > 3000, $"only {count} typed examples");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(50)));
    }
}
