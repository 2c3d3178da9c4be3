using FhirTrials.Eligibility.Model;

namespace FhirTrials.Eligibility.Quantities;

/// <summary>A number with its UCUM unit or normal-limit multiple, as read from the text.</summary>
/// <param name="Value">The number (for a normal limit: the multiple).</param>
/// <param name="Unit">UCUM unit, or null.</param>
/// <param name="Dimension">Dimension of the unit (units.json), or null.</param>
/// <param name="Limit">Set when the value multiplies a normal limit (1.5 × ULN).</param>
/// <param name="Comparator">A comparator written between multiplier and limit ("2 times more than ULN").</param>
/// <param name="Start">First token.</param>
/// <param name="End">Token after the quantity.</param>
internal readonly record struct Quantity(
    decimal Value,
    string? Unit,
    string? Dimension,
    NormalLimit Limit,
    Comparator? Comparator,
    int Start,
    int End)
{
    public bool HasUnit => Unit is not null || Limit != NormalLimit.None;
}
