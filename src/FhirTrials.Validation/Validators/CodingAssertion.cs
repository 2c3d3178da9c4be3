using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.Schema;
using FhirTrials.Validation.Terminology;

namespace FhirTrials.Validation.Validators;

/// <summary>
/// Every Coding whose system is a CodeSystem we hold: the code must exist in it (an error whatever the
/// binding), and a display, when given, should be one of the concept's (a warning otherwise).
/// </summary>
internal sealed class CodingAssertion(TerminologyService terminology) : IAssertion
{
    public void Validate(ElementNode node, ValidationScope scope)
    {
        if (node.Child("system")?.Text is not { } system || node.Child("code")?.Text is not { } code)
        {
            return;
        }

        if (terminology.GetCodeSystem(system) is not { } codeSystem)
        {
            return;
        }

        var concept = codeSystem.Find(code);
        if (concept is null)
        {
            if (codeSystem.IsComplete)
            {
                scope.Error(IssueType.CodeInvalid, node, $"unknown code '{code}' in the CodeSystem {Label(codeSystem)}", "coding-unknown-code");
            }

            return;
        }

        if (node.Child("display")?.Text is { } display && concept.Display is not null && !concept.HasDisplay(display))
        {
            scope.Warning(IssueType.Value, node, $"wrong display '{display}' for {system}#{code}: the CodeSystem says '{concept.Display}'", "coding-display");
        }
    }

    private static string Label(CodeSystemIndex cs) => cs.Title is null ? cs.Url : $"'{cs.Title}' ({cs.Url})";
}
