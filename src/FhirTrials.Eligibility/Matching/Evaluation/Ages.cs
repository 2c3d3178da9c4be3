namespace FhirTrials.Eligibility.Matching.Evaluation;

/// <summary>Age in whole UCUM time units (a, mo, wk, d) between a birth date and a date, as people count it.</summary>
internal static class Ages
{
    public static bool IsUnit(string unit) => unit is "a" or "mo" or "wk" or "d";

    /// <summary>The unit in words: years, months, weeks, days.</summary>
    public static string Words(string unit) => unit switch
    {
        "a" => "years",
        "mo" => "months",
        "wk" => "weeks",
        _ => "days",
    };

    public static int In(string unit, DateOnly birth, DateOnly at)
    {
        var months = ((at.Year - birth.Year) * 12) + at.Month - birth.Month - (at.Day < birth.Day ? 1 : 0);
        var days = at.DayNumber - birth.DayNumber;
        return unit switch
        {
            "a" => (int)Math.Floor(months / 12.0),
            "mo" => months,
            "wk" => days / 7,
            _ => days,
        };
    }
}
