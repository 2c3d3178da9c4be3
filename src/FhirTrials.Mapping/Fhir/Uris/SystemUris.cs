namespace FhirTrials.Mapping.Fhir;

/// <summary>Code system and identifier system URIs the mappers write (besides those of the mapping tables).</summary>
public static class SystemUris
{
    private const string FhirTrials = "https://fhirtrials.org/fhir/";

    /// <summary>Identifier system of ClinicalTrials.gov NCT numbers.</summary>
    public const string NctId = "https://clinicaltrials.gov/nctid";

    /// <summary>Identifier system of the stable resource keys (e.g. <c>nct03765957-eligibility</c>), for conditional updates.</summary>
    public const string ResourceKey = FhirTrials + "sid/resource";

    /// <summary>Identifier system of shared Organizations: the key of the normalised name.</summary>
    public const string OrganizationKey = FhirTrials + "sid/organization";

    /// <summary>Base of the canonical URLs of PlanDefinitions and ActivityDefinitions.</summary>
    public const string CanonicalBase = FhirTrials;

    /// <summary>FhirTrials eligibility concepts (healthy volunteers, ULN/LLN multiples, free text...).</summary>
    public const string Eligibility = FhirTrials + "CodeSystem/eligibility";

    /// <summary>FhirTrials: kind of a study identifier (org-study-id, secondary-id).</summary>
    public const string IdentifierType = FhirTrials + "CodeSystem/study-identifier-type";

    /// <summary>FhirTrials: study milestones of <c>progressStatus</c> (start, primary-completion, completion, first-posted...).</summary>
    public const string StudyMilestone = FhirTrials + "CodeSystem/study-milestone";

    /// <summary>FhirTrials: anchors of the protocol schedule (baseline, end-of-treatment...).</summary>
    public const string TimingAnchor = FhirTrials + "CodeSystem/timing-anchor";

    /// <summary>FhirTrials: relation of a criterion's time window (within, before, at-least, at-most).</summary>
    public const string TimeWindowRelation = FhirTrials + "CodeSystem/time-window-relation";

    public const string Ucum = "http://unitsofmeasure.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Iso3166 = "urn:iso:std:iso:3166";
    public const string PlanDefinitionType = "http://terminology.hl7.org/CodeSystem/plan-definition-type";
    public const string ObjectiveType = "http://terminology.hl7.org/CodeSystem/research-study-objective-type";
    public const string TitleType = "http://hl7.org/fhir/title-type";
    public const string PartyRole = "http://hl7.org/fhir/research-study-party-role";
    public const string ResearchStudyStatus = "http://hl7.org/fhir/research-study-status";
    public const string PubMed = "https://pubmed.ncbi.nlm.nih.gov/";

    /// <summary>
    /// System URI of a CT.gov enumeration, the convention of the mapping tables
    /// (<c>https://clinicaltrials.gov/data-api/about-api/study-data-structure#enum-Status</c>).
    /// </summary>
    public static string CtGovEnumeration(string enumeration) =>
        "https://clinicaltrials.gov/data-api/about-api/study-data-structure#enum-" + enumeration;
}
