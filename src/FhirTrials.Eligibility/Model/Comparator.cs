namespace FhirTrials.Eligibility.Model;

/// <summary>How a value is compared; <see cref="Range"/> uses the low and high bounds (both inclusive).</summary>
public enum Comparator
{
    LessThan,
    LessOrEqual,
    Equal,
    GreaterOrEqual,
    GreaterThan,
    Range,
}

/// <summary>Symbols for comparators, as FHIR Quantity.comparator spells them where it can.</summary>
public static class ComparatorExtensions
{
    /// <summary>The comparator as a symbol: &lt;, &lt;=, =, &gt;=, &gt; or "range".</summary>
    public static string ToSymbol(this Comparator comparator) => comparator switch
    {
        Comparator.LessThan => "<",
        Comparator.LessOrEqual => "<=",
        Comparator.Equal => "=",
        Comparator.GreaterOrEqual => ">=",
        Comparator.GreaterThan => ">",
        _ => "range",
    };

    /// <summary>The comparator that holds when the two sides are swapped (a &lt; b ⇔ b &gt; a).</summary>
    public static Comparator Mirror(this Comparator comparator) => comparator switch
    {
        Comparator.LessThan => Comparator.GreaterThan,
        Comparator.LessOrEqual => Comparator.GreaterOrEqual,
        Comparator.GreaterOrEqual => Comparator.LessOrEqual,
        Comparator.GreaterThan => Comparator.LessThan,
        _ => comparator,
    };
}
