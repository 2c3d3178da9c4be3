using FhirTrials.Fhir.Introspection;
using FhirTrials.Validation.Definitions;

namespace FhirTrials.Validation.Snapshots;

/// <summary>Merges a differential element over the snapshot element it constrains, checking that it only narrows.</summary>
internal static class SnapshotMerger
{
    public static ElementDef Merge(ElementDef b, DiffElement diff, string? renamedType, Action<string> issue)
    {
        var d = diff.Def;
        var min = diff.HasMin ? d.Min : b.Min;
        var max = diff.HasMax ? d.Max : b.Max;
        if (diff.HasMin && b.SliceName is null && d.Min < b.Min)
        {
            issue($"min {d.Min} is below the base minimum {b.Min}: a profile can only narrow cardinality");
        }

        if (diff.HasMax && b.Max >= 0 && (d.Max < 0 || d.Max > b.Max))
        {
            issue($"max {Max(d.Max)} is above the base maximum {Max(b.Max)}: a profile can only narrow cardinality");
        }

        if (max >= 0 && min > max)
        {
            issue($"min {min} is greater than max {Max(max)}");
        }

        if (b.Fixed is not null && d.Fixed is not null && !Validators.ValueMatcher.EqualsFixed(d.Fixed, b.Fixed))
        {
            issue($"the fixed value {Validators.ValueMatcher.Describe(d.Fixed)} contradicts the base's fixed value {Validators.ValueMatcher.Describe(b.Fixed)}");
        }

        if (b.Pattern is not null && d.Pattern is not null && !Validators.ValueMatcher.MatchesPattern(d.Pattern, b.Pattern))
        {
            issue($"the pattern {Validators.ValueMatcher.Describe(d.Pattern)} does not include the base's pattern {Validators.ValueMatcher.Describe(b.Pattern)}");
        }

        if (b.Slicing is { } inherited && d.Slicing is { } restated && !SameDiscriminators(inherited, restated))
        {
            issue($"the slicing inherited from the base ({Discriminators(inherited)}) cannot be redefined ({Discriminators(restated)})");
        }

        var types = diff.HasTypes ? MergeTypes(b, d.Types, issue) : b.Types;
        if (renamedType is not null)
        {
            types = [.. types.Where(t => string.Equals(t.Code, renamedType, StringComparison.Ordinal))];
            if (types.Count == 0)
            {
                issue($"{renamedType} is not one of the types of {b.Path}");
            }
        }

        return b with
        {
            Min = min,
            Max = max,
            Types = types,
            Fixed = d.Fixed ?? b.Fixed,
            Pattern = d.Pattern ?? b.Pattern,
            MinValue = d.MinValue ?? b.MinValue,
            MaxValue = d.MaxValue ?? b.MaxValue,
            MaxLength = d.MaxLength ?? b.MaxLength,
            Binding = d.Binding ?? b.Binding,
            AdditionalBindings = d.Binding is null ? b.AdditionalBindings : d.AdditionalBindings,
            Constraints = MergeConstraints(b.Constraints, d.Constraints),
            Slicing = d.Slicing ?? b.Slicing,
            IsModifier = diff.HasModifier ? d.IsModifier : b.IsModifier,
            MustSupport = diff.HasMustSupport ? d.MustSupport : b.MustSupport,
            Short = d.Short ?? b.Short,
        };
    }

    private static IReadOnlyList<TypeRef> MergeTypes(ElementDef b, IReadOnlyList<TypeRef> diffTypes, Action<string> issue)
    {
        var result = new List<TypeRef>(diffTypes.Count);
        foreach (var t in diffTypes)
        {
            var match = b.Types.FirstOrDefault(x => string.Equals(x.Code, t.Code, StringComparison.Ordinal));
            if (match is null && !b.Types.Any(x => Narrows(x.Code, t.Code)))
            {
                issue($"type {t.Code} is not allowed: {b.Path} allows {string.Join(", ", b.Types.Select(x => x.Code))}");
            }

            result.Add(new TypeRef(
                t.Code,
                t.Profiles.Count > 0 ? t.Profiles : match?.Profiles ?? [],
                t.TargetProfiles.Count > 0 ? t.TargetProfiles : match?.TargetProfiles ?? [],
                t.Aggregation.Count > 0 ? t.Aggregation : match?.Aggregation ?? []));
        }

        return result;
    }

    /// <summary>True when <paramref name="derived"/> may replace <paramref name="baseCode"/> (a resource for Resource, Age for Quantity…).</summary>
    private static bool Narrows(string baseCode, string derived) =>
        ModelInfo.GetType(derived) is { } d && ModelInfo.GetType(baseCode) is { } b && d.IsSubtypeOf(b);

    private static IReadOnlyList<ConstraintDef> MergeConstraints(IReadOnlyList<ConstraintDef> b, IReadOnlyList<ConstraintDef> d)
    {
        if (d.Count == 0)
        {
            return b;
        }

        var result = b.Where(x => !d.Any(y => string.Equals(x.Key, y.Key, StringComparison.Ordinal))).ToList();
        result.AddRange(d);
        return result;
    }

    private static bool SameDiscriminators(SlicingDef a, SlicingDef b) =>
        b.Discriminators.Count == 0 || a.Discriminators.SequenceEqual(b.Discriminators);

    private static string Discriminators(SlicingDef s) =>
        s.Discriminators.Count == 0 ? "no discriminator" : string.Join(", ", s.Discriminators.Select(x => $"{x.Type.ToString().ToLowerInvariant()}:{x.Path}"));

    private static string Max(int max) => max < 0 ? "*" : max.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
