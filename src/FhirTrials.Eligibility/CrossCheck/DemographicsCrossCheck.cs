using FhirTrials.Eligibility.Model;

namespace FhirTrials.Eligibility.CrossCheck;

/// <summary>
/// Compares the age and sex criteria read from the text with the record's structured minimum age, maximum age and
/// sex. "&gt; 18" and "≥ 18" both count as a minimum of 18; "&lt; 65" and "≤ 65" as a maximum of 65; an exclusion
/// "under 19" counts as a minimum of 19. Texts often state several ages (sub-groups, conditions); the field agrees
/// when any stated limit equals the record's. Exclusion items combining age with other criteria ("6 years or older
/// and weighs less than 19 kg") are not age limits and are ignored.
/// </summary>
public static class DemographicsCrossCheck
{
    public static DemographicsReport Check(ParsedCriteria criteria, EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(context);
        var minimums = new List<AgeLimit>();
        var maximums = new List<AgeLimit>();
        foreach (var item in criteria.Items)
        {
            if (item.Section == CriteriaSection.Exclusion && item.Criteria.Any(c => c.Kind is not (CriterionKind.Age or CriterionKind.Sex)))
            {
                continue;
            }

            foreach (var age in item.Criteria.Where(c => c.Kind == CriterionKind.Age))
            {
                AddLimits(age, minimums, maximums);
            }
        }

        return new DemographicsReport(
        [
            CompareAge("minimumAge", minimums, context.MinimumAge),
            CompareAge("maximumAge", maximums, context.MaximumAge),
            CompareSex(TextSex(criteria.Criteria.Where(c => c.Kind == CriterionKind.Sex)), context.Sex),
        ]);
    }

    private static void AddLimits(StructuredCriterion age, List<AgeLimit> minimums, List<AgeLimit> maximums)
    {
        var unit = age.Unit ?? "a";
        if (age.Comparator == Comparator.Range && age.Low is { } low && age.High is { } high)
        {
            if (!age.Exclude)
            {
                minimums.Add(new AgeLimit(low, unit));
                maximums.Add(new AgeLimit(high, unit));
            }

            return;
        }

        if (age.Value is not { } value || age.Comparator is not { } comparator)
        {
            return;
        }

        var lowerBound = comparator is Comparator.GreaterOrEqual or Comparator.GreaterThan;
        var upperBound = comparator is Comparator.LessOrEqual or Comparator.LessThan;
        var limit = new AgeLimit(value, unit, comparator is Comparator.LessThan or Comparator.GreaterThan);
        if ((lowerBound && !age.Exclude) || (upperBound && age.Exclude))
        {
            minimums.Add(limit);
        }
        else if ((upperBound && !age.Exclude) || (lowerBound && age.Exclude))
        {
            maximums.Add(limit);
        }
    }

    private static DemographicsFinding CompareAge(string field, List<AgeLimit> text, string? record)
    {
        var structured = AgeLimit.Parse(record);
        var stated = text.Count == 0 ? null : string.Join(", ", text.Select(t => t.ToString()).Distinct(StringComparer.Ordinal));
        if (text.Count == 0)
        {
            return structured is null
                ? new(field, AgreementStatus.Absent, null, record, $"{field}: neither the text nor the record states it.")
                : new(field, AgreementStatus.RecordOnly, null, record, $"{field}: the record states {structured}, the text does not.");
        }

        if (structured is not { } r)
        {
            return new(field, AgreementStatus.TextOnly, stated, record, $"{field}: the text states {stated}, the record does not.");
        }

        return text.Any(t => t.SameAs(r))
            ? new(field, AgreementStatus.Agree, r.ToString(), record, $"{field}: text and record agree ({r}).")
            : new(field, AgreementStatus.Conflict, stated, record, $"{field}: the text states {stated}, the record {r}.");
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
            ({ } t, null) when record is null => new("sex", AgreementStatus.TextOnly, t, record, $"sex: the text restricts to {t}, the record does not state sex."),
            (null, { } r) => new("sex", AgreementStatus.RecordOnly, null, record, $"sex: the record restricts to {r}, the text does not."),
            ({ } t, { } r) when t == r => new("sex", AgreementStatus.Agree, t, record, $"sex: text and record agree ({r})."),
            ({ } t, _) => new("sex", AgreementStatus.Conflict, t, record, $"sex: the text restricts to {t}, the record says {record}."),
        };
    }
}
