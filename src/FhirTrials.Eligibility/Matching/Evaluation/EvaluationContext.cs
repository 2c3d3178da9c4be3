using FhirTrials.Eligibility.Matching.Knowledge;
using FhirTrials.Eligibility.Matching.Records;

namespace FhirTrials.Eligibility.Matching.Evaluation;

/// <summary>What every evaluator needs: the patient record, the tables, the evaluation date and the options.</summary>
internal sealed record EvaluationContext(PatientRecord Record, MatchingKnowledge Knowledge, DateOnly Date, MatchOptions Options)
{
    /// <summary>The evaluation date as FHIR writes dates.</summary>
    public string DateText => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
