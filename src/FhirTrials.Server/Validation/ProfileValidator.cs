using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Server.Outcomes;
using FhirTrials.Validation;

namespace FhirTrials.Server.Validation;

/// <summary>
/// Full validation on write with the FhirTrials validator: the R4 base definitions, the profiles the
/// resource names in <c>meta.profile</c> (FhirTrials profiles and R4 are known), cardinality, bindings,
/// slicing, extensions, invariants. Unreadable input is still told apart (400) from invalid resources (422).
/// </summary>
public sealed class ProfileValidator : IResourceValidator
{
    private static readonly FhirJsonParser Parser = new(FhirJsonParserSettings.LenientMode);
    private readonly FhirValidator _validator;

    public ProfileValidator(FhirValidator validator) => _validator = validator;

    public Validation.ValidationResult Validate(ReadOnlyMemory<byte> json, string sourceName)
    {
        var parsed = Parser.Parse(json, sourceName);
        if (parsed.Root?.Type is null || parsed.Issues.Any(i => i.Severity == IssueSeverity.Fatal))
        {
            return new Validation.ValidationResult(null, false, true, Outcome.FromParseIssues(parsed.Issues));
        }

        var result = _validator.ValidateJson(json, sourceName);
        return new Validation.ValidationResult(parsed.Root, result.IsValid, false, result.ToOperationOutcome());
    }
}
