namespace FhirTrials.Eligibility.Matching.Criteria;

/// <summary>
/// Inclusion criteria of one item that the text joins with "or" ("DAS28 ≥3.2 或 SDAI &gt;11"): two criteria are
/// alternatives when the words between their spans are only a joiner of joiners.json. Returns the item id
/// of each criterion index that belongs to a group of alternatives.
/// </summary>
internal static class Alternatives
{
    public static Dictionary<int, string> Find(IReadOnlyList<CriterionSpec> specs, IReadOnlySet<string> joiners)
    {
        var result = new Dictionary<int, string>();
        var items = specs.Where(s => !s.Exclude && s.ItemId is not null && s.ItemText is not null && s.SpanStart is not null && s.SpanLength is not null
                && s.Kind is not (CharacteristicKind.FreeText or CharacteristicKind.Consent))
            .GroupBy(s => s.ItemId!);
        foreach (var item in items)
        {
            var ordered = item.OrderBy(s => s.SpanStart).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var previous = ordered[i - 1];
                var current = ordered[i];
                var gapStart = previous.SpanStart!.Value + previous.SpanLength!.Value;
                var gapEnd = current.SpanStart!.Value;
                if (gapEnd < gapStart || gapEnd > previous.ItemText!.Length)
                {
                    continue;
                }

                var gap = previous.ItemText.AsSpan(gapStart, gapEnd - gapStart).Trim(" \t,;").ToString().ToLowerInvariant();
                if (joiners.Contains(gap))
                {
                    result[previous.Index] = item.Key;
                    result[current.Index] = item.Key;
                }
            }
        }

        return result;
    }
}
