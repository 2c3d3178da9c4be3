namespace FhirTrials.Eligibility.CrossCheck;

/// <summary>How the criteria text and the record's structured field compare.</summary>
public enum AgreementStatus
{
    /// <summary>Both state the same limit (or neither restricts sex).</summary>
    Agree,

    /// <summary>Both state a limit and they differ.</summary>
    Conflict,

    /// <summary>Only the criteria text states the limit.</summary>
    TextOnly,

    /// <summary>Only the structured field states the limit.</summary>
    RecordOnly,

    /// <summary>Neither states it.</summary>
    Absent,
}

/// <summary>One compared field: "minimumAge", "maximumAge" or "sex".</summary>
/// <param name="Field">The structured field name.</param>
/// <param name="Status">The comparison result.</param>
/// <param name="TextValue">The value read from the criteria text ("18 a", "female").</param>
/// <param name="RecordValue">The structured value as given ("18 Years", "FEMALE").</param>
/// <param name="Message">A one-line explanation.</param>
public sealed record DemographicsFinding(string Field, AgreementStatus Status, string? TextValue, string? RecordValue, string Message);

/// <summary>Agreement of the criteria text with the record's structured minimum age, maximum age and sex.</summary>
public sealed record DemographicsReport(IReadOnlyList<DemographicsFinding> Findings)
{
    public bool HasConflict => Findings.Any(f => f.Status == AgreementStatus.Conflict);

    public DemographicsFinding? this[string field] => Findings.FirstOrDefault(f => f.Field == field);
}
