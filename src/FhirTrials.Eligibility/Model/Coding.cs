namespace FhirTrials.Eligibility.Model;

/// <summary>A code from a code system, as in FHIR Coding.</summary>
public sealed record Coding(string System, string Code, string Display)
{
    /// <inheritdoc />
    public override string ToString() => $"{System}|{Code} ({Display})";
}
