namespace FhirTrials.Eligibility.Matching.Criteria;

/// <summary>The relations of the criterion-time-window extension (CodeSystem time-window-relation).</summary>
internal enum WindowRelation
{
    /// <summary>The event happened within the duration before the evaluation date.</summary>
    Within,

    /// <summary>The event happened at least the duration before the evaluation date.</summary>
    Before,

    /// <summary>The state or therapy has lasted at least the duration.</summary>
    AtLeast,

    /// <summary>The state or therapy has lasted at most the duration.</summary>
    AtMost,
}

/// <summary>A criterion-time-window: duration (UCUM time unit), relation and the words it was read from.</summary>
internal sealed record TimeWindowSpec(decimal Value, string Unit, WindowRelation Relation, string? Text)
{
    public string Describe() => Text ?? $"{Relation.ToString().ToLowerInvariant()} {Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Unit}";
}
