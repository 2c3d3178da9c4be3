using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.Schema;
using FhirTrials.Validation.Snapshots;

namespace FhirTrials.Validation.Validators;

/// <summary>
/// A StructureDefinition with a differential is checked the way a profile author needs: its snapshot
/// is generated, and every problem (a path that matches nothing, a widened cardinality, a type the
/// base does not allow, a binding on an uncoded type…) is reported at its differential element.
/// </summary>
internal sealed class StructureDefinitionRules : IAssertion
{
    public void Validate(ElementNode node, ValidationScope scope)
    {
        if (node.Child("differential") is not { } differential || differential.Child("element") is null
            || !string.Equals(node.Child("derivation")?.Text, "constraint", StringComparison.Ordinal))
        {
            return;
        }

        var generator = new SnapshotGenerator(scope.Services.Definitions.Get);
        generator.Generate(node);
        var unmatched = 0;
        foreach (var issue in generator.Issues.Where(i => i.IsError))
        {
            var at = Find(differential, issue.ElementId) ?? node;
            scope.Error(IssueType.Invalid, at, $"{(issue.ElementId is null ? string.Empty : issue.ElementId + ": ")}{issue.Message}", "sd-snapshot");
            unmatched += issue.Message.StartsWith("no element", StringComparison.Ordinal) ? 1 : 0;
        }

        if (unmatched > 0)
        {
            scope.Error(IssueType.Invalid, node, $"{unmatched} element(s) of the differential match nothing in the snapshot: check that the paths and their order are legal", "sd-snapshot-unmatched");
        }
    }

    private static ElementNode? Find(ElementNode differential, string? id)
    {
        if (id is null)
        {
            return null;
        }

        foreach (var element in differential.ChildrenNamed("element"))
        {
            if (string.Equals(element.Child("id")?.Text, id, StringComparison.Ordinal) || string.Equals(element.Child("path")?.Text, id, StringComparison.Ordinal))
            {
                return element;
            }
        }

        return null;
    }
}
