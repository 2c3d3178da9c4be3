using FhirTrials.Eligibility.CrossCheck;
using FhirTrials.Eligibility.Extraction;
using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Splitting;
using FhirTrials.Eligibility.Terminology;

namespace FhirTrials.Eligibility;

/// <summary>
/// Turns ClinicalTrials.gov eligibility criteria (markdown) into inclusion and exclusion items, each with coded,
/// structured criteria (age, sex, BMI, laboratory thresholds, scores, conditions, time windows) and a free-text
/// criterion where nothing could be structured. Thread-safe; the terminology tables load once.
/// </summary>
public static class EligibilityCriteriaParser
{
    /// <summary>Parses <paramref name="markdown"/>; with a <paramref name="context"/>, also cross-checks age and sex.</summary>
    public static ParsedCriteria Parse(string markdown, EligibilityContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lexicon = Lexicon.Default;
        var split = CriteriaSplitter.Split(markdown);
        var inclusion = new List<CriteriaItem>();
        var exclusion = new List<CriteriaItem>();
        var outline = new List<OutlineEntry>(split.Outline.Count);
        var items = new CriteriaItem[split.ItemCount];
        var itemCount = 0;
        foreach (var entry in split.Outline)
        {
            CriteriaItem? item = null;
            if (entry.Item is { } draft)
            {
                item = Build(draft, inclusion, exclusion, lexicon);
                items[itemCount++] = item;
            }

            outline.Add(new OutlineEntry(entry.Kind, entry.Section, item?.Text ?? entry.Text, item));
        }

        var parsed = new ParsedCriteria(inclusion, exclusion, outline, items, split.SectionsInferred);
        if (context is not null)
        {
            parsed.Demographics = DemographicsCrossCheck.Check(parsed, context);
        }

        return parsed;
    }

    /// <summary>Reads the criteria of a single item text (no list splitting).</summary>
    public static IReadOnlyList<StructuredCriterion> ParseItem(string itemText, CriteriaSection section = CriteriaSection.Inclusion)
    {
        ArgumentNullException.ThrowIfNull(itemText);
        return ItemAnalyzer.Analyze(itemText, section, null, Lexicon.Default);
    }

    private static CriteriaItem Build(
        ItemDraft draft, List<CriteriaItem> inclusion, List<CriteriaItem> exclusion, Lexicon lexicon)
    {
        var parent = draft.Parent?.Built;
        string id;
        if (parent is null)
        {
            var list = draft.Section == CriteriaSection.Inclusion ? inclusion : exclusion;
            id = $"{(draft.Section == CriteriaSection.Inclusion ? "inclusion" : "exclusion")}/{list.Count + 1}";
        }
        else
        {
            id = $"{parent.Id}/{parent.Children.Count + 1}";
        }

        var text = draft.Text.Trim();
        var item = new CriteriaItem(draft.Section, id, draft.Marker, text, draft.Heading, draft.Depth)
        {
            Criteria = ItemAnalyzer.Analyze(text, draft.Section, draft.Heading, lexicon, draft.Depth),
        };
        draft.Built = item;
        if (parent is null)
        {
            (draft.Section == CriteriaSection.Inclusion ? inclusion : exclusion).Add(item);
        }
        else
        {
            parent.AddChild(item);
        }

        return item;
    }
}
