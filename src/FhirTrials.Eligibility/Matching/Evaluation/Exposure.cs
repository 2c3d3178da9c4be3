using FhirTrials.Eligibility.Matching.Knowledge;
using FhirTrials.Eligibility.Matching.Records;
using FhirTrials.Eligibility.Matching.Time;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Eligibility.Matching.Evaluation;

/// <summary>Something the patient received or underwent: a medication (statement or request) or a procedure, with its codes and time.</summary>
internal sealed record Exposure(MatchEvidence Evidence, IReadOnlyList<CodeKey> Codes, EventTime? Time, bool IsMedication, string Name)
{
    /// <summary>Medications taken or prescribed and procedures done (not those entered in error, not taken, cancelled or planned).</summary>
    public static List<Exposure> All(PatientRecord record, DateOnly evaluationDate)
    {
        var today = DateSpan.Day(evaluationDate);
        var exposures = new List<Exposure>();
        foreach (var entry in record.MedicationStatements.Where(e => e.Resource.Status is not (MedicationStatusCodes.EnteredInError or MedicationStatusCodes.NotTaken or MedicationStatusCodes.Intended)))
        {
            var concept = MedicationCode(entry.Resource.Medication, record);
            var active = entry.Resource.Status == MedicationStatusCodes.Active;
            var time = EventTime.From(entry.Resource.Effective, active ? today : null);
            if (active && entry.Resource.Effective is FhirDateTime && time is not null)
            {
                time = new EventTime(time.Start, today, $"{time.Written} to now (active)");
            }

            exposures.Add(Build(entry, concept, time, isMedication: true, "MedicationStatement.medication"));
        }

        foreach (var entry in record.MedicationRequests.Where(e => e.Resource.Status is not (MedicationrequestStatus.EnteredInError or MedicationrequestStatus.Cancelled or MedicationrequestStatus.Draft) && e.Resource.DoNotPerform != true))
        {
            var concept = MedicationCode(entry.Resource.Medication, record);
            EventTime? time = null;
            if (DateSpan.TryParse(entry.Resource.AuthoredOn, out var authored))
            {
                time = entry.Resource.Status == MedicationrequestStatus.Active
                    ? new EventTime(authored, today, $"{entry.Resource.AuthoredOn} to now (active)")
                    : new EventTime(authored, new DateSpan(authored.Lo, today.Hi), $"from {entry.Resource.AuthoredOn}");
            }

            exposures.Add(Build(entry, concept, time, isMedication: true, "MedicationRequest.medication"));
        }

        foreach (var entry in record.Procedures.Where(e => e.Resource.Status is not (EventStatus.EnteredInError or EventStatus.NotDone or EventStatus.Preparation)))
        {
            exposures.Add(Build(entry, entry.Resource.Code, EventTime.From(entry.Resource.Performed, today), isMedication: false, "Procedure.code"));
        }

        return exposures;
    }

    private static Exposure Build<T>(RecordEntry<T> entry, CodeableConcept? concept, EventTime? time, bool isMedication, string element)
        where T : Resource
    {
        var name = Knowledge.Codes.Name(concept);
        var evidence = entry.Evidence(name + (time is null ? " (no date)" : ", " + time.Written), element, name, time?.Written);
        return new Exposure(evidence, Knowledge.Codes.Of(concept).ToList(), time, isMedication, name);
    }

    private static CodeableConcept? MedicationCode(DataType? medication, PatientRecord record) => medication switch
    {
        CodeableConcept concept => concept,
        Reference reference => record.Medication(reference)?.Code,
        _ => null,
    };
}
