using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Terminology;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>Fixed codes of the criteria that are not read from the terminology tables.</summary>
internal static class Codes
{
    public static readonly Coding Age = new(CodeSystems.SnomedCt, "397669002", "Age");
    public static readonly Coding Sex = new(CodeSystems.SnomedCt, "263495000", "Gender");
    public static readonly Coding Male = new(CodeSystems.AdministrativeGender, "male", "Male");
    public static readonly Coding Female = new(CodeSystems.AdministrativeGender, "female", "Female");
    public static readonly Coding InformedConsent = new(CodeSystems.FhirTrialsEligibility, "informed-consent", "Informed consent");
    public static readonly Coding TrialParticipation = new(CodeSystems.FhirTrialsEligibility, "trial-participation", "Participation in a clinical study");
    public static readonly Coding TherapyOrEvent = new(CodeSystems.FhirTrialsEligibility, "therapy-or-event", "Therapy, procedure, exposure or event named in text");
    public static readonly Coding FreeText = new(CodeSystems.FhirTrialsEligibility, "free-text", "Criterion kept as text");
    public static readonly Coding UlnMultiple = new(CodeSystems.FhirTrialsEligibility, "uln-multiple", "Multiple of the upper limit of normal");
    /// <summary>Record-level, written by the Group mapper from the registry's healthy-volunteers field; read by the matcher.</summary>
    public static readonly Coding HealthyVolunteers = new(CodeSystems.FhirTrialsEligibility, "healthy-volunteers", "Healthy volunteers accepted");
    public static readonly Coding LlnMultiple = new(CodeSystems.FhirTrialsEligibility, "lln-multiple", "Multiple of the lower limit of normal");
}
