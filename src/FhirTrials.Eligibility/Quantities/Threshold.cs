using FhirTrials.Eligibility.Model;

namespace FhirTrials.Eligibility.Quantities;

/// <summary>A comparison read from the text: "≥ 1.5 x 10^9/L", "18-65 years", "2 times the ULN or less".</summary>
/// <param name="Comparator">The comparator; <see cref="Model.Comparator.Range"/> uses Low and High.</param>
/// <param name="Value">Threshold of a one-sided comparison.</param>
/// <param name="Low">Lower bound of a range.</param>
/// <param name="High">Upper bound of a range.</param>
/// <param name="Unit">UCUM unit (of the high bound for a range whose bounds differ in unit).</param>
/// <param name="LowUnit">Unit of the lower bound when it differs from <paramref name="Unit"/> ("6 months to 17 years").</param>
/// <param name="Dimension">Dimension of <paramref name="Unit"/>.</param>
/// <param name="Limit">Set when the values multiply a normal limit.</param>
/// <param name="Start">First token.</param>
/// <param name="End">Token after the threshold.</param>
internal readonly record struct Threshold(
    Comparator Comparator,
    decimal? Value,
    decimal? Low,
    decimal? High,
    string? Unit,
    string? LowUnit,
    string? Dimension,
    NormalLimit Limit,
    int Start,
    int End)
{
    /// <summary>"4 to &lt;8 years": the upper bound itself is excluded.</summary>
    public bool HighExclusive { get; init; }

    public bool HasUnit => Unit is not null || Limit != NormalLimit.None;

    /// <summary>The threshold as criteria: a range with an excluded upper bound becomes "≥ low" and "&lt; high".</summary>
    public IEnumerable<Threshold> Expand() =>
        Split(out var first, out var second) == 1 ? [first] : [first, second];

    /// <summary><see cref="Expand"/> without an enumerator: the parts in order, and how many there are (1 or 2).</summary>
    public int Split(out Threshold first, out Threshold second)
    {
        if (Comparator != Model.Comparator.Range || !HighExclusive)
        {
            first = this;
            second = default;
            return 1;
        }

        first = this with { Comparator = Model.Comparator.GreaterOrEqual, Value = Low, Low = null, High = null, Unit = LowUnit ?? Unit, LowUnit = null, HighExclusive = false };
        second = this with { Comparator = Model.Comparator.LessThan, Value = High, Low = null, High = null, LowUnit = null, HighExclusive = false };
        return 2;
    }

    public static Threshold From(Comparator comparator, Quantity quantity, int start, int end) =>
        new(comparator, quantity.Value, null, null, quantity.Unit, null, quantity.Dimension, quantity.Limit, start, end);
}

/// <summary>What the threshold parser may accept besides comparator + quantity and ranges.</summary>
[Flags]
internal enum ThresholdOptions
{
    None = 0,

    /// <summary>"0 or 1", "0, 1 or 2": consecutive integers read as a range (scores).</summary>
    AllowSet = 1,

    /// <summary>Roman numerals ("II-IV") for class and stage scores.</summary>
    AllowRoman = 2,

    /// <summary>A bare number means "equal to".</summary>
    AllowBare = 4,
}
