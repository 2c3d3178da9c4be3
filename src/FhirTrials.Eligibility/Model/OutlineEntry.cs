namespace FhirTrials.Eligibility.Model;

/// <summary>What an outline entry is.</summary>
public enum OutlineEntryKind
{
    /// <summary>A heading that starts the inclusion or exclusion list.</summary>
    SectionHeading,

    /// <summary>A sub-heading inside a list ("Screening Phase:").</summary>
    Label,

    Item,
}

/// <summary>
/// The eligibility text in document order: every heading, label and item, so that no text is lost
/// (markers, headings and labels included).
/// </summary>
public sealed record OutlineEntry(OutlineEntryKind Kind, CriteriaSection Section, string Text, CriteriaItem? Item);
