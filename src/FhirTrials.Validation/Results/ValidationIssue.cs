using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Validation;

/// <summary>
/// One finding: severity, FHIR IssueType, a message, the FHIRPath location of the element
/// (<c>Group.characteristic[0].valueRange</c>), the line and column in the source when known, the
/// rule that fired (an invariant key or a validator message id) and the profile it came from.
/// </summary>
public sealed record ValidationIssue(
    IssueSeverity Severity,
    IssueType Code,
    string Message,
    string? Expression,
    SourcePosition? Position = null,
    string? RuleId = null,
    string? Profile = null,
    string? SourceName = null)
{
    public bool IsError => Severity is IssueSeverity.Error or IssueSeverity.Fatal;

    /// <summary>One line: <c>file:line:col severity expression message</c>.</summary>
    public override string ToString()
    {
        var where = SourceName ?? "<input>";
        if (Position is { } p)
        {
            where += $":{p.Line}:{p.Column}";
        }

        var severity = Severity switch
        {
            IssueSeverity.Fatal => "fatal",
            IssueSeverity.Error => "error",
            IssueSeverity.Warning => "warning",
            _ => "information",
        };
        return $"{where} {severity} {Expression ?? "-"} {Message}";
    }
}
