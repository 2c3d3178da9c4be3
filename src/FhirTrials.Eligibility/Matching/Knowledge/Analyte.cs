namespace FhirTrials.Eligibility.Matching.Knowledge;

/// <summary>Codes measuring the same analyte (analytes.json); <see cref="MolarMass"/> in g/mol when mass and substance concentrations convert.</summary>
internal sealed record Analyte(string Name, IReadOnlySet<CodeKey> Codes, decimal? MolarMass);
