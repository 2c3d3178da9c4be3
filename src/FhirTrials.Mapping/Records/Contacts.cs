namespace FhirTrials.Mapping.Records;

/// <summary>A central or site contact.</summary>
public sealed record Contact
{
    /// <summary>Name as written, often with degrees ("Mi Zhang, M.D. Ph.D").</summary>
    public string? Name { get; init; }

    public ContactRole? Role { get; init; }

    public string? Phone { get; init; }

    public string? PhoneExt { get; init; }

    public string? Email { get; init; }
}

/// <summary>An overall official of the study.</summary>
public sealed record Official
{
    public required string Name { get; init; }

    public string? Affiliation { get; init; }

    public OfficialRole? Role { get; init; }
}

/// <summary>A site.</summary>
public sealed record Location
{
    public string? Facility { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    public string? Zip { get; init; }

    public string? Country { get; init; }

    public RecruitmentStatus? Status { get; init; }

    public GeoPoint? GeoPoint { get; init; }

    public IReadOnlyList<Contact>? Contacts { get; init; }
}

/// <summary>WGS84 coordinates in decimal degrees.</summary>
public sealed record GeoPoint
{
    public required double Lat { get; init; }

    public required double Lon { get; init; }
}
