namespace FhirTrials.Eligibility.Matching.Evaluation;

/// <summary>One end of an interval.</summary>
internal readonly record struct Bound(decimal Value, bool Inclusive);

/// <summary>
/// The values a criterion accepts, or the values a patient's result may be ("&lt;0.5" is everything below
/// 0.5). A criterion holds when every possible patient value is accepted, fails when none is.
/// </summary>
internal readonly record struct ValueInterval(Bound? Low, Bound? High)
{
    public static ValueInterval Exactly(decimal value) => new(new Bound(value, true), new Bound(value, true));

    /// <summary>The interval of a FHIR quantity comparator (<c>&lt;</c>, <c>&lt;=</c>, <c>&gt;=</c>, <c>&gt;</c>) or, without one, the value itself.</summary>
    public static ValueInterval FromComparator(string? comparator, decimal value) => comparator switch
    {
        "<" => new(null, new Bound(value, false)),
        "<=" => new(null, new Bound(value, true)),
        ">" => new(new Bound(value, false), null),
        ">=" => new(new Bound(value, true), null),
        _ => Exactly(value),
    };

    /// <summary>True when all of <paramref name="patient"/> lies in <paramref name="accepted"/>, false when none does, null otherwise.</summary>
    public static bool? Satisfies(ValueInterval patient, ValueInterval accepted)
    {
        if (LowAtLeast(patient.Low, accepted.Low) && HighAtMost(patient.High, accepted.High))
        {
            return true;
        }

        return Below(patient.High, accepted.Low) || Below(accepted.High, patient.Low) ? false : null;
    }

    private static bool LowAtLeast(Bound? a, Bound? b) =>
        b is not { } lower || (a is { } x && (x.Value > lower.Value || (x.Value == lower.Value && (lower.Inclusive || !x.Inclusive))));

    private static bool HighAtMost(Bound? a, Bound? b) =>
        b is not { } upper || (a is { } x && (x.Value < upper.Value || (x.Value == upper.Value && (upper.Inclusive || !x.Inclusive))));

    /// <summary>True when everything up to <paramref name="high"/> lies below everything from <paramref name="low"/>.</summary>
    private static bool Below(Bound? high, Bound? low) =>
        high is { } h && low is { } l && (h.Value < l.Value || (h.Value == l.Value && !(h.Inclusive && l.Inclusive)));
}
