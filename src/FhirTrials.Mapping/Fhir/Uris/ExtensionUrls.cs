namespace FhirTrials.Mapping.Fhir;

/// <summary>
/// Extension URLs the mappers write: the official R5-to-R4 cross-version extensions for R5 content R4
/// lacks, R4 core extensions, and the FhirTrials extensions (see docs/mapping.md and
/// docs/eligibility-encoding.md).
/// </summary>
public static class ExtensionUrls
{
    private const string R5 = "http://hl7.org/fhir/5.0/StructureDefinition/extension-";
    private const string FhirTrials = "https://fhirtrials.org/fhir/StructureDefinition/";

    /// <summary>R5 <c>ResearchStudy.recruitment.targetNumber</c> (valueUnsignedInt): estimated enrollment.</summary>
    public const string RecruitmentTargetNumber = R5 + "ResearchStudy.recruitment.targetNumber";

    /// <summary>R5 <c>ResearchStudy.recruitment.actualNumber</c> (valueUnsignedInt): actual enrollment.</summary>
    public const string RecruitmentActualNumber = R5 + "ResearchStudy.recruitment.actualNumber";

    /// <summary>R5 <c>ResearchStudy.progressStatus</c> (complex: state, actual, period).</summary>
    public const string ProgressStatus = R5 + "ResearchStudy.progressStatus";

    /// <summary>R5 <c>ResearchStudy.studyDesign</c> (valueCodeableConcept).</summary>
    public const string StudyDesign = R5 + "ResearchStudy.studyDesign";

    /// <summary>R5 <c>ResearchStudy.label</c> (complex: type, value).</summary>
    public const string Label = R5 + "ResearchStudy.label";

    /// <summary>R5 <c>ResearchStudy.outcomeMeasure</c> (complex: name, type, description).</summary>
    public const string OutcomeMeasure = R5 + "ResearchStudy.outcomeMeasure";

    /// <summary>R5 <c>ResearchStudy.associatedParty</c> (complex: name, role, classifier, party).</summary>
    public const string AssociatedParty = R5 + "ResearchStudy.associatedParty";

    /// <summary>R5 <c>ResearchStudy.descriptionSummary</c> (valueMarkdown): the brief summary.</summary>
    public const string DescriptionSummary = R5 + "ResearchStudy.descriptionSummary";

    /// <summary>R5 <c>Group.description</c> (valueMarkdown): the eligibility criteria as written.</summary>
    public const string GroupDescription = R5 + "Group.description";

    /// <summary>R5 <c>Location.contact</c> (complex: purpose, name, telecom): a site contact.</summary>
    public const string LocationContact = R5 + "Location.contact";

    /// <summary>R4 core: the text a value was read from (valueString), e.g. "18 Years".</summary>
    public const string OriginalText = "http://hl7.org/fhir/StructureDefinition/originalText";

    /// <summary>R4 core: the extension of a phone number (valueString).</summary>
    public const string ContactPointExtension = "http://hl7.org/fhir/StructureDefinition/contactpoint-extension";

    /// <summary>FhirTrials: where a Group characteristic was read from (complex: itemId, itemText, span, heading, negated).</summary>
    public const string CriterionSource = FhirTrials + "criterion-source";

    /// <summary>FhirTrials: the time window of a criterion (complex: duration, relation, subject, text).</summary>
    public const string CriterionTimeWindow = FhirTrials + "criterion-time-window";

    /// <summary>FhirTrials: recruitment status of a site, on <c>ResearchStudy.site</c> (valueCodeableConcept).</summary>
    public const string SiteRecruitmentStatus = FhirTrials + "site-recruitment-status";

    /// <summary>FhirTrials: time frame of an outcome measure, on <c>ResearchStudy.objective</c> (valueString).</summary>
    public const string ObjectiveTimeFrame = FhirTrials + "objective-time-frame";

    /// <summary>
    /// FhirTrials: registry fields that have no FHIR element, as a partial trial record (complex; the
    /// sub-extension URLs are the record's property names, docs/trial-record.md).
    /// </summary>
    public const string RegistryFields = FhirTrials + "registry-fields";
}
