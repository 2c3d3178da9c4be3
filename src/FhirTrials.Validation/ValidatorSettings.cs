using FhirTrials.Fhir.Packages;

namespace FhirTrials.Validation;

/// <summary>How a <see cref="FhirValidator"/> finds definitions.</summary>
public sealed record ValidatorSettings
{
    /// <summary>Extra packages (a user's IGs, <c>--package</c>), searched before the FhirTrials profiles and R4.</summary>
    public IReadOnlyList<FhirPackage> Packages { get; init; } = [];

    /// <summary>Replaces the whole definition source (then <see cref="Packages"/> is ignored). Default: <see cref="Packages"/> + FhirTrials profiles + R4 core and expansions.</summary>
    public IResourceResolver? Resolver { get; init; }

    /// <summary>Check invariants with the FHIRPath engine (the common element and resource invariants are always checked natively).</summary>
    public bool CheckInvariants { get; init; } = true;
}
