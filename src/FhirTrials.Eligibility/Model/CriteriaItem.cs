namespace FhirTrials.Eligibility.Model;

/// <summary>
/// One list entry of the eligibility text. Sub-items (indented lists, paragraphs under an item ending with a colon)
/// stay with their parent in <see cref="Children"/>.
/// </summary>
public sealed class CriteriaItem
{
    /// <summary>Created with the first sub-item; most items have none.</summary>
    private List<CriteriaItem>? _children;

    internal CriteriaItem(CriteriaSection section, string id, string? marker, string text, string? heading, int depth)
    {
        Section = section;
        Id = id;
        Marker = marker;
        Text = text;
        Heading = heading;
        Depth = depth;
    }

    public CriteriaSection Section { get; }

    /// <summary>Position-based identifier, e.g. "exclusion/3/2" (third exclusion item, its second sub-item).</summary>
    public string Id { get; }

    /// <summary>The list marker as written ("1.", "*", "a)"), or null for an unmarked paragraph.</summary>
    public string? Marker { get; }

    /// <summary>The item's own text (markdown escapes removed), without its sub-items.</summary>
    public string Text { get; }

    /// <summary>The sub-heading the item stands under ("Screening Phase", "ISA specific"), if any.</summary>
    public string? Heading { get; }

    /// <summary>0 for top-level items, 1 for their sub-items, and so on.</summary>
    public int Depth { get; }

    public IReadOnlyList<CriteriaItem> Children => _children is null ? [] : _children;

    /// <summary>Criteria read from <see cref="Text"/>; a single free-text criterion when nothing could be structured.</summary>
    public IReadOnlyList<StructuredCriterion> Criteria { get; internal set; } = [];

    /// <summary>True when at least one criterion is more than text.</summary>
    public bool IsStructured => Criteria.Any(c => !c.IsTextOnly);

    internal void AddChild(CriteriaItem child) => (_children ??= []).Add(child);

    /// <inheritdoc />
    public override string ToString() => $"{Id}: {Text}";
}
