using FhirTrials.Fhir.Model;

namespace FhirTrials.Validation;

/// <summary>The outcome of validating one resource (or one JSON input): its issues, in document order.</summary>
public sealed class ValidationResult
{
    public ValidationResult(IReadOnlyList<ValidationIssue> issues, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(issues);
        Issues = issues;
        SourceName = sourceName;
        foreach (var issue in issues)
        {
            if (issue.IsError)
            {
                ErrorCount++;
            }
            else if (issue.Severity == IssueSeverity.Warning)
            {
                WarningCount++;
            }
        }
    }

    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>The file or stream validated, when known.</summary>
    public string? SourceName { get; }

    /// <summary>Errors and fatal issues.</summary>
    public int ErrorCount { get; }

    public int WarningCount { get; }

    /// <summary>True when there is no error (warnings and information allowed).</summary>
    public bool IsValid => ErrorCount == 0;

    /// <summary>The issues as an OperationOutcome, as the HL7 validator reports them.</summary>
    public OperationOutcome ToOperationOutcome() => OutcomeWriter.ToOperationOutcome(this);

    public override string ToString() => $"{(IsValid ? "valid" : "invalid")}: {ErrorCount} errors, {WarningCount} warnings";
}
