using FhirTrials.Eligibility.Model;

namespace FhirTrials.Eligibility.Terminology;

/// <summary>What a phrase of the lexicon stands for.</summary>
internal enum TermCategory : byte
{
    Stop,
    Measurement,
    Score,
    Condition,
    Participation,
    Consent,
    Comparator,
    Sex,
    SexKeyword,
    Cue,
}

/// <summary>Kinds of cue phrases that change how nearby mentions are read.</summary>
internal enum CueKind : byte
{
    Negation,
    Exception,

    /// <summary>"is allowed", "can be enrolled": the text before it (in its parenthesis or clause) is a carve-out.</summary>
    Allowance,
    Population,
    Hedge,
    Future,
    Prospective,
    Family,
    Polarity,
    Test,
    Breaker,
}

/// <summary>One meaning of a lexicon phrase.</summary>
internal sealed record Term(TermCategory Category)
{
    public MeasurementDefinition? Measurement { get; init; }

    public ConditionDefinition? Condition { get; init; }

    public ScoreDefinition? Score { get; init; }

    public Comparator Comparator { get; init; }

    public CueKind Cue { get; init; }

    /// <summary>Administrative gender code of a sex word (male, female).</summary>
    public string? Sex { get; init; }

    /// <summary>The phrase states the absence of the condition ("non-pregnant").</summary>
    public bool Negated { get; init; }
}
