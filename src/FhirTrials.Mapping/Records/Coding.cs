namespace FhirTrials.Mapping.Records;

/// <summary>A code from a code system (e.g. MeSH <c>https://www.nlm.nih.gov/mesh</c>).</summary>
public sealed record Coding
{
    /// <summary>Code system URI, FHIR style.</summary>
    public required string System { get; init; }

    public required string Code { get; init; }

    public string? Display { get; init; }
}

/// <summary>Text as written plus the codes known for it; either part may be absent.</summary>
public sealed record CodedText
{
    public string? Text { get; init; }

    public IReadOnlyList<Coding>? Codes { get; init; }
}
