namespace FhirTrials.Mapping.Records;

/// <summary>A literature reference.</summary>
public sealed record Reference
{
    public string? Pmid { get; init; }

    public ReferenceType? Type { get; init; }

    public string? Citation { get; init; }

    public IReadOnlyList<Retraction>? Retractions { get; init; }
}

/// <summary>A retraction notice of a reference.</summary>
public sealed record Retraction
{
    public string? Pmid { get; init; }

    public string? Source { get; init; }
}

/// <summary>A link to a related web page.</summary>
public sealed record SeeAlsoLink
{
    public string? Label { get; init; }

    public required string Url { get; init; }
}

/// <summary>An available individual-participant-data set or document.</summary>
public sealed record AvailableIpd
{
    public string? Id { get; init; }

    public string? Type { get; init; }

    public string? Url { get; init; }

    public string? Comment { get; init; }
}

/// <summary>Plan to share individual participant data.</summary>
public sealed record IpdSharingStatement
{
    public IpdSharing? Sharing { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<IpdSharingInfoType>? InfoTypes { get; init; }

    public string? TimeFrame { get; init; }

    public string? AccessCriteria { get; init; }

    public string? Url { get; init; }
}
