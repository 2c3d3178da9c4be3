using System.Globalization;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Validation;

/// <summary>Turns validation issues into OperationOutcomes with the HL7 validator's extensions.</summary>
public static class OutcomeWriter
{
    /// <summary>The line of an issue in the source.</summary>
    public const string LineExtension = "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-line";

    /// <summary>The column of an issue in the source.</summary>
    public const string ColumnExtension = "http://hl7.org/fhir/StructureDefinition/operationoutcome-issue-col";

    /// <summary>The id of the rule that produced the issue.</summary>
    public const string MessageIdExtension = "http://hl7.org/fhir/StructureDefinition/operationoutcome-message-id";

    /// <summary>The file an OperationOutcome is about.</summary>
    public const string FileExtension = "http://hl7.org/fhir/StructureDefinition/operationoutcome-file";

    /// <summary>An OperationOutcome with one issue per validation issue (an "all OK" information issue when there are none).</summary>
    public static OperationOutcome ToOperationOutcome(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var outcome = new OperationOutcome();
        if (result.SourceName is { } file)
        {
            outcome.AddExtension(FileExtension, new FhirString(file));
        }

        foreach (var issue in result.Issues)
        {
            outcome.Issue.Add(ToIssue(issue));
        }

        if (result.Issues.Count == 0)
        {
            outcome.Issue.Add(new OperationOutcome.IssueComponent
            {
                Severity = IssueSeverity.Information,
                Code = IssueType.Informational,
                Details = new CodeableConcept { Text = "All OK" },
            });
        }

        return outcome;
    }

    /// <summary>A Bundle (type collection) of OperationOutcomes, one per validated input, each naming its file.</summary>
    public static Bundle ToBundle(IEnumerable<ValidationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var bundle = new Bundle { Type = BundleType.Collection };
        foreach (var result in results)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { Resource = ToOperationOutcome(result) });
        }

        return bundle;
    }

    private static OperationOutcome.IssueComponent ToIssue(ValidationIssue issue)
    {
        var component = new OperationOutcome.IssueComponent
        {
            Severity = issue.Severity,
            Code = issue.Code,
            Details = new CodeableConcept { Text = issue.Message },
        };
        if (issue.Position is { } p)
        {
            component.AddExtension(LineExtension, new Integer(p.Line));
            component.AddExtension(ColumnExtension, new Integer(p.Column));
        }

        if (issue.RuleId is { } rule)
        {
            component.AddExtension(MessageIdExtension, new FhirString(rule));
        }

        if (issue.Expression is { } expression)
        {
            component.ExpressionElement.Add(new FhirString(expression));
        }

        if (issue.Position is { } q)
        {
            component.Diagnostics = string.Create(CultureInfo.InvariantCulture, $"[{q.Line},{q.Column}]");
        }

        return component;
    }
}
