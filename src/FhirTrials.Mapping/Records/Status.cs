namespace FhirTrials.Mapping.Records;

/// <summary>Recruitment status of the study.</summary>
public sealed record TrialStatus
{
    public OverallStatus? OverallStatus { get; init; }

    /// <summary>Status before it became UNKNOWN (CT.gov <c>lastKnownStatus</c>).</summary>
    public OverallStatus? LastKnownStatus { get; init; }

    public string? WhyStopped { get; init; }

    /// <summary>Month the status was last verified, as written (e.g. "2018-12").</summary>
    public string? StatusVerifiedDate { get; init; }

    public bool? DelayedPosting { get; init; }

    public ExpandedAccessInfo? ExpandedAccess { get; init; }
}

/// <summary>Whether the intervention is available under expanded access, and the record that says so.</summary>
public sealed record ExpandedAccessInfo
{
    public bool? HasExpandedAccess { get; init; }

    /// <summary>Registry id of the expanded-access record.</summary>
    public string? NctId { get; init; }

    public ExpandedAccessStatus? StatusForNctId { get; init; }
}

/// <summary>A date as written (ISO 8601, possibly partial: "2019", "2019-03", "2019-03-14") and its type.</summary>
public sealed record TrialDate
{
    public required string Date { get; init; }

    /// <summary>ACTUAL or ESTIMATED; absent where the registry gives none.</summary>
    public DateType? Type { get; init; }
}

/// <summary>Key dates of the study and its registration.</summary>
public sealed record TrialDates
{
    public TrialDate? Start { get; init; }

    public TrialDate? PrimaryCompletion { get; init; }

    public TrialDate? Completion { get; init; }

    public TrialDate? FirstSubmitted { get; init; }

    /// <summary>First submission that met quality-control criteria.</summary>
    public TrialDate? FirstSubmittedQc { get; init; }

    public TrialDate? FirstPosted { get; init; }

    public TrialDate? ResultsFirstSubmitted { get; init; }

    public TrialDate? ResultsFirstSubmittedQc { get; init; }

    public TrialDate? ResultsFirstPosted { get; init; }

    /// <summary>Certification/extension request (disposition) dates.</summary>
    public TrialDate? DispositionFirstSubmitted { get; init; }

    public TrialDate? DispositionFirstSubmittedQc { get; init; }

    public TrialDate? DispositionFirstPosted { get; init; }

    public TrialDate? LastUpdateSubmitted { get; init; }

    public TrialDate? LastUpdatePosted { get; init; }
}
