namespace FhirTrials.Mapping.Fhir;

/// <summary>The FhirTrials profiles each mapped resource claims in <c>meta.profile</c>.</summary>
public static class Profiles
{
    private const string Base = "https://fhirtrials.org/fhir/StructureDefinition/";

    public const string ResearchStudy = Base + "FhirTrialsResearchStudy";

    /// <summary>The PlanDefinition holding the protocol (arms, dose groups, visit schedule).</summary>
    public const string Protocol = Base + "FhirTrialsProtocol";

    /// <summary>An ActivityDefinition of an intervention or of one of its dose groups.</summary>
    public const string Activity = Base + "FhirTrialsActivity";

    /// <summary>The Group holding the eligibility criteria.</summary>
    public const string Eligibility = Base + "FhirTrialsEligibility";

    /// <summary>An Organization: lead sponsor, collaborator or an official's affiliation.</summary>
    public const string Sponsor = Base + "FhirTrialsSponsor";

    /// <summary>A Location where the study runs.</summary>
    public const string Site = Base + "FhirTrialsSite";
}
