using FhirTrials.Fhir.Model;

namespace FhirTrials.Eligibility.Matching.Records;

/// <summary>
/// The patient Bundle indexed for matching: the Patient and its Observations, Conditions, medications,
/// Procedures and ResearchSubjects. Resources whose subject is another patient are left out (and said so).
/// </summary>
internal sealed class PatientRecord
{
    private readonly Dictionary<string, Medication> _medications = new(StringComparer.Ordinal);
    private readonly List<string> _messages = [];

    private PatientRecord()
    {
    }

    public RecordEntry<Patient>? Patient { get; private set; }

    public List<RecordEntry<Observation>> Observations { get; } = [];

    public List<RecordEntry<Condition>> Conditions { get; } = [];

    public List<RecordEntry<MedicationStatement>> MedicationStatements { get; } = [];

    public List<RecordEntry<MedicationRequest>> MedicationRequests { get; } = [];

    public List<RecordEntry<Procedure>> Procedures { get; } = [];

    public List<RecordEntry<ResearchSubject>> ResearchSubjects { get; } = [];

    /// <summary>What the matcher left out of the Bundle, and why.</summary>
    public IReadOnlyList<string> Messages => _messages;

    public static PatientRecord From(Bundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var record = new PatientRecord();
        var entries = bundle.Entry.Where(e => e.Resource is not null).ToList();
        var patient = entries.FirstOrDefault(e => e.Resource is Patient);
        if (patient is not null)
        {
            record.Patient = new RecordEntry<Patient>((Patient)patient.Resource!, Reference(patient.Resource!), patient.FullUrl);
        }
        else
        {
            record._messages.Add("the patient Bundle has no Patient: age and sex are unknown");
        }

        if (entries.Count(e => e.Resource is Patient) > 1)
        {
            record._messages.Add($"the patient Bundle has several Patients; {record.Patient!.Reference} is the one matched");
        }

        foreach (var entry in entries)
        {
            record.Add(entry.Resource!, entry.FullUrl);
        }

        return record;
    }

    /// <summary>The Medication a <c>medicationReference</c> points at, if it is in the Bundle.</summary>
    public Medication? Medication(Reference? reference) =>
        reference?.ReferenceValue is { } target && _medications.TryGetValue(target, out var medication) ? medication : null;

    private static string Reference(Resource resource) => resource.TypeName + "/" + (resource.Id ?? "(no id)");

    private void Add(Resource resource, string? fullUrl)
    {
        if (resource is Medication medication)
        {
            _medications[Reference(resource)] = medication;
            if (fullUrl is not null)
            {
                _medications[fullUrl] = medication;
            }

            return;
        }

        var subject = resource switch
        {
            Observation o => o.Subject,
            Condition c => c.Subject,
            MedicationStatement s => s.Subject,
            MedicationRequest r => r.Subject,
            Procedure p => p.Subject,
            ResearchSubject r => r.Individual,
            _ => null,
        };
        if (subject?.ReferenceValue is { } target && Patient is { } patient && !IsPatient(target, patient))
        {
            _messages.Add($"{Reference(resource)} is about {target}, not {patient.Reference}: left out");
            return;
        }

        switch (resource)
        {
            case Observation o:
                Observations.Add(new(o, Reference(o), fullUrl));
                break;
            case Condition c:
                Conditions.Add(new(c, Reference(c), fullUrl));
                break;
            case MedicationStatement s:
                MedicationStatements.Add(new(s, Reference(s), fullUrl));
                break;
            case MedicationRequest r:
                MedicationRequests.Add(new(r, Reference(r), fullUrl));
                break;
            case Procedure p:
                Procedures.Add(new(p, Reference(p), fullUrl));
                break;
            case ResearchSubject r:
                ResearchSubjects.Add(new(r, Reference(r), fullUrl));
                break;
        }
    }

    private static bool IsPatient(string target, RecordEntry<Patient> patient) =>
        string.Equals(target, patient.FullUrl, StringComparison.Ordinal)
        || string.Equals(target, patient.Reference, StringComparison.Ordinal)
        || target.EndsWith("/" + patient.Reference, StringComparison.Ordinal);
}
