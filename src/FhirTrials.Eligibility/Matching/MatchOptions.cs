namespace FhirTrials.Eligibility.Matching;

/// <summary>How <see cref="EligibilityMatcher"/> evaluates.</summary>
public sealed record MatchOptions
{
    public static MatchOptions Default { get; } = new();

    /// <summary>The clock the evaluation date comes from (its local date) when <see cref="EvaluationDate"/> is not set.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The date ages, time windows and test recency are computed at; overrides <see cref="TimeProvider"/>.</summary>
    public DateOnly? EvaluationDate { get; init; }

    /// <summary>
    /// Read a disease missing from the record as absent (not met). True by default; false makes every such
    /// criterion unknown. Infections and pregnancy always need a Condition or a test (docs/matching.md).
    /// </summary>
    public bool AbsentConditionIsNotMet { get; init; } = true;

    /// <summary>The evaluation date these options give.</summary>
    public DateOnly ResolveEvaluationDate() => EvaluationDate ?? DateOnly.FromDateTime(TimeProvider.GetLocalNow().DateTime);
}
