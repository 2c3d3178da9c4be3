namespace FhirTrials.Mapping.Records;

/// <summary>
/// The internal trial record (format version 1.x): everything the protocol section of a
/// ClinicalTrials.gov record holds, plus structured dosing and follow-up that registries keep as text.
/// Absent values are <c>null</c>; enumerations keep CT.gov's exact values.
/// </summary>
public sealed record TrialRecord
{
    /// <summary>The format version this library writes.</summary>
    public const string CurrentVersion = "1.0";

    /// <summary>Format version, "major.minor" (see docs/trial-record.md).</summary>
    public required string RecordVersion { get; init; }

    /// <summary>Registry identifier, e.g. the NCT number.</summary>
    public required string RegistryId { get; init; }

    /// <summary>Former registry identifiers merged into this one (CT.gov <c>nctIdAliases</c>).</summary>
    public IReadOnlyList<string>? RegistryIdAliases { get; init; }

    /// <summary>The responsible organization's own study identifier.</summary>
    public StudyIdentifier? OrgStudyId { get; init; }

    public IReadOnlyList<StudyIdentifier>? SecondaryIds { get; init; }

    /// <summary>The organization that registered the study (CT.gov <c>identificationModule.organization</c>).</summary>
    public OrganizationRef? Organization { get; init; }

    public string? BriefTitle { get; init; }

    public string? OfficialTitle { get; init; }

    public string? Acronym { get; init; }

    public TrialStatus? Status { get; init; }

    public TrialDates? Dates { get; init; }

    public OrganizationRef? LeadSponsor { get; init; }

    public IReadOnlyList<OrganizationRef>? Collaborators { get; init; }

    public ResponsibleParty? ResponsibleParty { get; init; }

    public Oversight? Oversight { get; init; }

    /// <summary>Brief summary, markdown.</summary>
    public string? BriefSummary { get; init; }

    /// <summary>Detailed description, markdown.</summary>
    public string? DetailedDescription { get; init; }

    /// <summary>Conditions studied: the registry text, with codes when known (entries may be code-only).</summary>
    public IReadOnlyList<CodedText>? Conditions { get; init; }

    public IReadOnlyList<string>? Keywords { get; init; }

    public StudyType? StudyType { get; init; }

    /// <summary>Phases as listed (a combined phase such as Phase 1/Phase 2 is two entries).</summary>
    public IReadOnlyList<Phase>? Phases { get; init; }

    public StudyDesign? Design { get; init; }

    public Enrollment? Enrollment { get; init; }

    public IReadOnlyList<ArmGroup>? Arms { get; init; }

    public IReadOnlyList<Intervention>? Interventions { get; init; }

    /// <summary>Study-level intervention codes not attributable to one listed intervention.</summary>
    public IReadOnlyList<Coding>? InterventionCodes { get; init; }

    /// <summary>Scheduled follow-up visits, e.g. day 15, 30, 45 and month 2, 3, 6 after treatment.</summary>
    public IReadOnlyList<FollowUpVisit>? FollowUp { get; init; }

    /// <summary>Total length of follow-up as stated, e.g. "12 weeks".</summary>
    public ParsedDuration? FollowUpDuration { get; init; }

    public Outcomes? Outcomes { get; init; }

    public Eligibility? Eligibility { get; init; }

    public IReadOnlyList<Contact>? CentralContacts { get; init; }

    public IReadOnlyList<Official>? OverallOfficials { get; init; }

    public IReadOnlyList<Location>? Locations { get; init; }

    public IReadOnlyList<Reference>? References { get; init; }

    public IReadOnlyList<SeeAlsoLink>? SeeAlsoLinks { get; init; }

    public IReadOnlyList<AvailableIpd>? AvailableIpds { get; init; }

    public IpdSharingStatement? IpdSharing { get; init; }

    /// <summary>Whether the registry has posted results (results themselves are not held).</summary>
    public bool? HasResults { get; init; }

    public Provenance? Provenance { get; init; }
}
