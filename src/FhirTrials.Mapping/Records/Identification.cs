namespace FhirTrials.Mapping.Records;

/// <summary>A study identifier other than the registry id, with its kind and issuer.</summary>
public sealed record StudyIdentifier
{
    public required string Id { get; init; }

    public StudyIdType? Type { get; init; }

    /// <summary>Issuing organization or system (CT.gov <c>domain</c>), free text.</summary>
    public string? Domain { get; init; }

    public string? Link { get; init; }
}

/// <summary>An organization named by the registry: sponsor, collaborator or registering organization.</summary>
public sealed record OrganizationRef
{
    public required string Name { get; init; }

    /// <summary>Funder type (CT.gov <c>class</c>).</summary>
    public AgencyClass? Class { get; init; }
}

/// <summary>The party responsible for the registration.</summary>
public sealed record ResponsibleParty
{
    public ResponsiblePartyType? Type { get; init; }

    public string? InvestigatorFullName { get; init; }

    public string? InvestigatorTitle { get; init; }

    public string? InvestigatorAffiliation { get; init; }

    /// <summary>Legacy free-text name and title (older registrations).</summary>
    public string? OldNameTitle { get; init; }

    public string? OldOrganization { get; init; }
}

/// <summary>Regulatory oversight flags (CT.gov <c>oversightModule</c>).</summary>
public sealed record Oversight
{
    public bool? HasDataMonitoringCommittee { get; init; }

    public bool? IsFdaRegulatedDrug { get; init; }

    public bool? IsFdaRegulatedDevice { get; init; }

    public bool? IsUnapprovedDevice { get; init; }

    /// <summary>Pediatric postmarket surveillance of a device.</summary>
    public bool? IsPpsd { get; init; }

    public bool? IsUsExport { get; init; }

    public bool? Fdaaa801Violation { get; init; }
}

/// <summary>Where the record came from.</summary>
public sealed record Provenance
{
    /// <summary>Source of the data, e.g. "ClinicalTrials.gov API v2".</summary>
    public required string Source { get; init; }

    /// <summary>Address of the source record (URL, citation).</summary>
    public string? SourceReference { get; init; }

    /// <summary>When the source last updated the record, as written (may be partial, e.g. "2018-11").</summary>
    public string? LastUpdate { get; init; }

    /// <summary>Version of the source data set (CT.gov <c>versionHolder</c>).</summary>
    public string? DataVersion { get; init; }

    public string? Notes { get; init; }
}
