namespace FhirTrials.Eligibility.Matching.Units;

/// <summary>A UCUM unit: its dimension and the factor to the dimension's base unit (g/dL: mass-concentration, 10 g/L).</summary>
internal sealed record UcumUnit(string Code, string Dimension, decimal Factor);
