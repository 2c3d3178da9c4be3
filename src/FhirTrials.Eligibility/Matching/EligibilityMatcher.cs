using FhirTrials.Eligibility.Matching.Criteria;
using FhirTrials.Eligibility.Matching.Evaluation;
using FhirTrials.Eligibility.Matching.Knowledge;
using FhirTrials.Eligibility.Matching.Records;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Eligibility.Matching;

/// <summary>
/// Pre-screens a patient against a study's eligibility Group (docs/eligibility-encoding.md): every
/// characteristic comes out met, not met or unknown with its evidence, and the study eligible, ineligible
/// or needs review (docs/matching.md). Thread-safe; the tables are read once.
/// </summary>
public sealed partial class EligibilityMatcher : IStudyMatcher
{
    private readonly MatchingKnowledge _knowledge = MatchingKnowledge.Default;

    public static EligibilityMatcher Default { get; } = new();

    /// <summary>Matches the patient Bundle (Patient, Observations, Conditions, medications, Procedures) against the Group.</summary>
    public MatchResult Match(Group group, Bundle patient, MatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(patient);
        options ??= MatchOptions.Default;
        var record = PatientRecord.From(patient);
        var context = new EvaluationContext(record, _knowledge, options.ResolveEvaluationDate(), options);
        var specs = CharacteristicReader.Read(group, _knowledge);
        var alternatives = Alternatives.Find(specs, _knowledge.Joiners);
        var results = specs.Select(spec => ToResult(spec, Evaluate(spec, context), alternatives.GetValueOrDefault(spec.Index))).ToList();
        results = ResolveConflicts(results);
        var (outcome, messages) = Verdict(results);
        messages.AddRange(record.Messages);
        return new MatchResult(outcome, context.Date, group.Id is { } id ? "Group/" + id : null, record.Patient?.Reference, results, messages);
    }

    /// <summary>Matches element trees (as <c>FhirJsonParser.ParseNode</c> gives them): a Group and a patient Bundle.</summary>
    public MatchResult Match(ElementNode group, ElementNode patient, MatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(patient);
        var typedGroup = NodeReader.Resource(group) as Group ?? throw new ArgumentException($"expected a Group, found a {group.Type?.Name ?? group.Name}", nameof(group));
        var typedPatient = NodeReader.Resource(patient) as Bundle ?? throw new ArgumentException($"expected a Bundle, found a {patient.Type?.Name ?? patient.Name}", nameof(patient));
        return Match(typedGroup, typedPatient, options);
    }

    private static Finding Evaluate(CriterionSpec spec, EvaluationContext context) => spec.Kind switch
    {
        CharacteristicKind.Age => DemographicsEvaluator.Age(spec, context),
        CharacteristicKind.Sex => DemographicsEvaluator.Sex(spec, context),
        CharacteristicKind.BodyMassIndex or CharacteristicKind.Measurement or CharacteristicKind.Score => MeasurementEvaluator.Evaluate(spec, context),
        CharacteristicKind.Condition => ConditionEvaluator.Evaluate(spec, context),
        CharacteristicKind.Therapy => TherapyEvaluator.Evaluate(spec, context),
        CharacteristicKind.StudyParticipation => ParticipationEvaluator.Evaluate(spec, context),
        CharacteristicKind.Consent => Finding.Unknown(UnknownReason.AtEnrolment, "consent is given at enrolment, after pre-screening: it does not hold up an eligible verdict"),
        CharacteristicKind.HealthyVolunteers => Finding.Met(new MatchEvidence { Summary = "healthy volunteers accepted: " + ((spec.Value as FhirBoolean)?.Value == true ? "yes" : "no") })
            .Say("not a restriction on patients: the study's condition criteria decide"),
        CharacteristicKind.FreeText => Finding.Unknown(UnknownReason.TextOnly, "kept as text: a person reads it"),
        _ => Finding.Unknown(UnknownReason.Unsupported, $"the matcher cannot evaluate a characteristic coded {spec.Code?.ToString() ?? "(no code)"} with a {spec.Value?.TypeName ?? "missing"} value"),
    };

    private static CriterionResult ToResult(CriterionSpec spec, Finding finding, string? alternativesOf) => new()
    {
        Index = spec.Index,
        ItemId = spec.ItemId,
        Text = spec.SpanText ?? spec.ItemText ?? CriterionDescriber.Describe(spec) + " (registry)",
        ItemText = spec.ItemText,
        Description = CriterionDescriber.Describe(spec),
        Kind = spec.Kind,
        Exclude = spec.Exclude,
        Outcome = finding.Outcome,
        Reason = finding.Reason,
        AlternativesOf = alternativesOf,
        Evidence = finding.Evidence,
        Messages = alternativesOf is null ? finding.Messages : [.. finding.Messages, $"one of the alternatives joined by 'or' in {alternativesOf}: one met is enough"],
    };
}
