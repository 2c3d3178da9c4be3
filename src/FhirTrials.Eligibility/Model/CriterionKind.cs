namespace FhirTrials.Eligibility.Model;

/// <summary>What a structured criterion describes.</summary>
public enum CriterionKind
{
    /// <summary>Age of the participant (SNOMED CT 397669002).</summary>
    Age,

    /// <summary>Sex restriction; <see cref="StructuredCriterion.ValueCode"/> holds the administrative gender.</summary>
    Sex,

    /// <summary>Body mass index (LOINC 39156-5).</summary>
    BodyMassIndex,

    /// <summary>A laboratory value or other measurement (vital sign, ejection fraction, QTc, weight...).</summary>
    Measurement,

    /// <summary>A disease activity, severity or performance score (ECOG, PASI, NYHA...).</summary>
    Score,

    /// <summary>A condition or state: disease, infection, pregnancy, lactation.</summary>
    Condition,

    /// <summary>A therapy, procedure, exposure or other event, named by <see cref="StructuredCriterion.Qualifier"/>.</summary>
    Therapy,

    /// <summary>Participation in another clinical study.</summary>
    StudyParticipation,

    /// <summary>Informed consent.</summary>
    Consent,

    /// <summary>The item could not be structured; the criterion carries the item text only.</summary>
    FreeText,
}
