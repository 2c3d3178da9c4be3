using FhirTrials.Eligibility.CrossCheck;

namespace FhirTrials.Eligibility.Model;

/// <summary>The result of parsing an eligibility text.</summary>
public sealed class ParsedCriteria
{
    internal ParsedCriteria(
        IReadOnlyList<CriteriaItem> inclusion,
        IReadOnlyList<CriteriaItem> exclusion,
        IReadOnlyList<OutlineEntry> outline,
        CriteriaItem[] items,
        bool sectionsInferred)
    {
        Inclusion = inclusion;
        Exclusion = exclusion;
        Outline = outline;
        SectionsInferred = sectionsInferred;
        Items = items;
    }

    /// <summary>Top-level inclusion items (sub-items in their <see cref="CriteriaItem.Children"/>).</summary>
    public IReadOnlyList<CriteriaItem> Inclusion { get; }

    /// <summary>Top-level exclusion items.</summary>
    public IReadOnlyList<CriteriaItem> Exclusion { get; }

    /// <summary>Every item at every depth, in document order.</summary>
    public IReadOnlyList<CriteriaItem> Items { get; }

    /// <summary>Headings, labels and items in document order.</summary>
    public IReadOnlyList<OutlineEntry> Outline { get; }

    /// <summary>True when the text had no inclusion/exclusion heading and every item was taken as inclusion.</summary>
    public bool SectionsInferred { get; }

    /// <summary>The agreement with the record's structured age and sex, when a context was given.</summary>
    public DemographicsReport? Demographics { get; internal set; }

    /// <summary>All criteria of all items, in document order.</summary>
    public IEnumerable<StructuredCriterion> Criteria => Items.SelectMany(i => i.Criteria);
}
