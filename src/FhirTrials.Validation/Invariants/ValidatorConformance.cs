using FhirTrials.Fhir.ElementModel;
using FhirTrials.FhirPath;
using FhirTrials.Validation.Schema;
using FhirTrials.Validation.Validators;

namespace FhirTrials.Validation.Invariants;

/// <summary>Answers FHIRPath's <c>conformsTo()</c> and <c>slice()</c> with the validator itself (silent probes, cached per run).</summary>
internal sealed class ValidatorConformance(ValidationScope scope) : IFhirPathConformance
{
    public bool? ConformsTo(ElementNode node, string profileUrl)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (scope.Services.Schemas.Get(profileUrl) is not { } schema)
        {
            return null;
        }

        return scope.Conforms(node, profileUrl, probe =>
        {
            if (node.IsResource)
            {
                ResourceValidation.Validate(node, probe, [profileUrl], []);
            }
            else
            {
                schema.Root.ValidateAsType(node, probe, [], includeChildren: true);
            }

            return probe.ErrorCount == 0;
        });
    }

    public bool? IsInSlice(ElementNode node, string profileUrl, string sliceName)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (scope.Services.Schemas.Get(profileUrl)?.FindSlice(sliceName) is not { } slice)
        {
            return null;
        }

        return slice.Condition.Matches(node, scope.Probe()) && scope.Conforms(node, profileUrl + "#" + sliceName, probe =>
        {
            slice.Schema.Validate(node, probe);
            return probe.ErrorCount == 0;
        });
    }
}
