using FhirTrials.Fhir.Packages;

namespace FhirTrials.Validation;

/// <summary>How a <see cref="FhirValidator"/> finds definitions, and the policy choices the HL7 validator also leaves to its user.</summary>
public sealed record ValidatorSettings
{
    /// <summary>Extra packages (a user's IGs, <c>--package</c>), searched before the FhirTrials profiles and R4.</summary>
    public IReadOnlyList<FhirPackage> Packages { get; init; } = [];

    /// <summary>Replaces the whole definition source (then <see cref="Packages"/> is ignored). Default: <see cref="Packages"/> + FhirTrials profiles + R4 core and expansions.</summary>
    public IResourceResolver? Resolver { get; init; }

    /// <summary>Check invariants with the FHIRPath engine (the common element and resource invariants are always checked natively).</summary>
    public bool CheckInvariants { get; init; } = true;

    /// <summary>Accept URLs in the reserved example domains (example.org, example.com, example.net; RFC 2606). When false they are errors, as for content that must not be sample data.</summary>
    public bool AllowExampleUrls { get; init; } = true;

    /// <summary>Security checks: a string that looks like it embeds HTML tags is an error (the HL7 validator's security-checks mode).</summary>
    public bool SecurityChecks { get; init; }

    /// <summary>Markdown that appears to embed an HTML tag is an error instead of a warning.</summary>
    public bool NoHtmlInMarkdown { get; init; }

    /// <summary>Accept comments in JSON input (JSON5 style); otherwise each comment is an error.</summary>
    public bool AllowJsonComments { get; init; }
}
