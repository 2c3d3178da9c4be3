using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.Server.Outcomes;

/// <summary>Builds OperationOutcomes: every error the server returns is one.</summary>
public static class Outcome
{
    public static OperationOutcome Error(IssueType code, string message, string? expression = null) => Single(IssueSeverity.Error, code, message, expression);

    public static OperationOutcome Information(string message) => Single(IssueSeverity.Information, IssueType.Informational, message, null);

    public static OperationOutcome Warning(IssueType code, string message) => Single(IssueSeverity.Warning, code, message, null);

    public static OperationOutcome Single(IssueSeverity severity, IssueType code, string message, string? expression)
    {
        var issue = new OperationOutcome.IssueComponent { Severity = severity, Code = code, Diagnostics = message };
        if (expression is not null)
        {
            issue.ExpressionElement.Add(new FhirString(expression));
        }

        var outcome = new OperationOutcome();
        outcome.Issue.Add(issue);
        return outcome;
    }

    /// <summary>An outcome listing parse issues (<c>file:line:col location: message</c>, expression = location).</summary>
    public static OperationOutcome FromParseIssues(IEnumerable<ParseIssue> issues)
    {
        var outcome = new OperationOutcome();
        foreach (var parseIssue in issues)
        {
            var issue = new OperationOutcome.IssueComponent
            {
                Severity = parseIssue.Severity,
                Code = parseIssue.Code,
                Diagnostics = parseIssue.ToString(),
            };
            if (parseIssue.Location is not null)
            {
                issue.ExpressionElement.Add(new FhirString(parseIssue.Location));
            }

            outcome.Issue.Add(issue);
        }

        return outcome;
    }

    /// <summary>The diagnostics of the outcome's issues joined in one line.</summary>
    public static string Summary(OperationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return string.Join("; ", outcome.Issue.Select(i => i.Diagnostics ?? i.Code?.ToString() ?? "error"));
    }
}
