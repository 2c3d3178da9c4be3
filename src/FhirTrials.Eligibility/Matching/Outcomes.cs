namespace FhirTrials.Eligibility.Matching;

/// <summary>Whether the patient has what one characteristic describes (for an exclusion: whether the exclusion applies).</summary>
public enum CriterionOutcome
{
    Met,
    NotMet,
    Unknown,
}

/// <summary>The pre-screening verdict for the study.</summary>
public enum StudyOutcome
{
    /// <summary>Every criterion was evaluated: all inclusions met, no exclusion met.</summary>
    Eligible,

    /// <summary>An inclusion is not met or an exclusion is met.</summary>
    Ineligible,

    /// <summary>Nothing rules the patient out, but some criteria are unknown or kept as text: a person decides.</summary>
    NeedsReview,
}

/// <summary>Why a criterion is unknown.</summary>
public enum UnknownReason
{
    None,

    /// <summary>The record lacks the data (no observation, no birth date, no test result).</summary>
    MissingData,

    /// <summary>The criterion is kept as text only: a person reads it.</summary>
    TextOnly,

    /// <summary>Deciding needs a terminology server (descendant codes, codes the matcher has no table for).</summary>
    Terminology,

    /// <summary>A multiple of a normal limit, but the observation has no reference range.</summary>
    NoReferenceRange,

    /// <summary>The patient's unit does not convert to the criterion's.</summary>
    UnitConversion,

    /// <summary>The data does not settle it (a partial date, an unconfirmed or resolved condition, a window straddled).</summary>
    Undetermined,

    /// <summary>Established at enrolment, not from the record (informed consent); does not hold up an eligible verdict.</summary>
    AtEnrolment,

    /// <summary>A criterion read from the text disagrees with the registry's structured age or sex.</summary>
    Conflict,

    /// <summary>The matcher cannot evaluate this kind of characteristic.</summary>
    Unsupported,
}

/// <summary>What a characteristic describes, as the matcher reads its code and value.</summary>
public enum CharacteristicKind
{
    Age,
    Sex,
    BodyMassIndex,
    Measurement,
    Score,
    Condition,
    Therapy,
    StudyParticipation,
    Consent,
    HealthyVolunteers,
    FreeText,
    Other,
}
