using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Server.Outcomes;

namespace FhirTrials.Server.Validation;

/// <summary>
/// The structural check every write gets: the FHIR JSON parser's rules (well-formed JSON, a known
/// resource type, known elements, right JSON types, primitive formats), all problems reported at
/// once with their line and column.
/// </summary>
public sealed class StructuralValidator : IResourceValidator
{
    private static readonly FhirJsonParser Parser = new(FhirJsonParserSettings.LenientMode);

    public ValidationResult Validate(ReadOnlyMemory<byte> json, string sourceName)
    {
        var result = Parser.Parse(json, sourceName);
        var malformed = result.Root?.Type is null || result.Issues.Any(i => i.Severity == IssueSeverity.Fatal);
        var outcome = result.Issues.Count > 0 ? Outcome.FromParseIssues(result.Issues) : Outcome.Information("the resource is structurally valid");
        return new ValidationResult(malformed ? null : result.Root, !malformed && !result.HasErrors, malformed, outcome);
    }
}
