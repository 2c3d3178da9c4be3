using FhirTrials.Eligibility.Model;

namespace FhirTrials.Eligibility.CrossCheck;

/// <summary>
/// Compares the age and sex criteria read from the text with the record's structured minimum age, maximum age and
/// sex. "&gt; 18" and "≥ 18" both count as a minimum of 18; "&lt; 65" and "≤ 65" as a maximum of 65; an exclusion
/// "under 19" counts as a minimum of 19.
/// </summary>
public static class DemographicsCrossCheck
{
    public static DemographicsReport Check(ParsedCriteria criteria, EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(context);
        var (minimum, maximum) = TextAgeLimits(criteria.Criteria.Where(c => c.Kind == CriterionKind.Age));
        return new DemographicsReport(
        [
            CompareAge("minimumAge", minimum, context.MinimumAge),
            CompareAge("maximumAge", maximum, context.MaximumAge),
            CompareSex(TextSex(criteria.Criteria.Where(c => c.Kind == CriterionKind.Sex)), context.Sex),
        ]);
    }

    private static (AgeLimit? Minimum, AgeLimit? Maximum) TextAgeLimits(IEnumerable<StructuredCriterion> ages)
    {
        AgeLimit? minimum = null, maximum = null;
        foreach (var age in ages)
        {
            var unit = age.Unit ?? "a";
            if (age.Comparator == Comparator.Range && age.Low is { } low && age.High is { } high && !age.Exclude)
            {
                minimum = Stricter(minimum, new AgeLimit(low, unit), higher: true);
                maximum = Stricter(maximum, new AgeLimit(high, unit), higher: false);
                continue;
            }

            if (age.Value is not { } value || age.Comparator is not { } comparator)
            {
                continue;
            }

            var lowerBound = comparator is Comparator.GreaterOrEqual or Comparator.GreaterThan;
            var upperBound = comparator is Comparator.LessOrEqual or Comparator.LessThan;
            var limit = new AgeLimit(value, unit);
            if ((lowerBound && !age.Exclude) || (upperBound && age.Exclude))
            {
                minimum = Stricter(minimum, limit, higher: true);
            }
            else if ((upperBound && !age.Exclude) || (lowerBound && age.Exclude))
            {
                maximum = Stricter(maximum, limit, higher: false);
            }
        }

        return (minimum, maximum);
    }

    private static AgeLimit? Stricter(AgeLimit? current, AgeLimit candidate, bool higher) =>
        current is not { } c ? candidate : (higher ? (candidate.Years > c.Years ? candidate : c) : (candidate.Years < c.Years ? candidate : c));

    private static DemographicsFinding CompareAge(string field, AgeLimit? text, string? record)
    {
        var structured = AgeLimit.Parse(record);
        return (text, structured) switch
        {
            (null, null) => new(field, AgreementStatus.Absent, null, record, $"{field}: neither the text nor the record states it."),
            ({ } t, null) => new(field, AgreementStatus.TextOnly, t.ToString(), record, $"{field}: the text states {t}, the record does not."),
            (null, { } r) => new(field, AgreementStatus.RecordOnly, null, record, $"{field}: the record states {r}, the text does not."),
            ({ } t, { } r) when t.SameAs(r) => new(field, AgreementStatus.Agree, t.ToString(), record, $"{field}: text and record agree ({r})."),
            ({ } t, { } r) => new(field, AgreementStatus.Conflict, t.ToString(), record, $"{field}: the text states {t}, the record {r}."),
        };
    }

    private static string? TextSex(IEnumerable<StructuredCriterion> sexes)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sex in sexes)
        {
            if (sex.ValueCode?.Code is { } code)
            {
                (sex.Exclude ? excluded : allowed).Add(code);
            }
        }

        if (allowed.Count == 1)
        {
            return allowed.First();
        }

        if (allowed.Count == 0 && excluded.Count == 1)
        {
            return excluded.Contains("male") ? "female" : "male";
        }

        return null;
    }

    private static DemographicsFinding CompareSex(string? text, string? record)
    {
        var structured = record?.Trim().ToUpperInvariant() switch
        {
            "FEMALE" => "female",
            "MALE" => "male",
            _ => null,
        };
        return (text, structured) switch
        {
            (null, null) => new("sex", AgreementStatus.Agree, null, record, "sex: neither the text nor the record restricts sex."),
            ({ } t, null) => new("sex", record is null ? AgreementStatus.TextOnly : AgreementStatus.Conflict, t, record,
                record is null ? $"sex: the text restricts to {t}, the record does not state sex." : $"sex: the text restricts to {t}, the record says {record}."),
            (null, { } r) => new("sex", AgreementStatus.RecordOnly, null, record, $"sex: the record restricts to {r}, the text does not."),
            ({ } t, { } r) when t == r => new("sex", AgreementStatus.Agree, t, record, $"sex: text and record agree ({r})."),
            ({ } t, _) => new("sex", AgreementStatus.Conflict, t, record, $"sex: the text restricts to {t}, the record says {record}."),
        };
    }
}
