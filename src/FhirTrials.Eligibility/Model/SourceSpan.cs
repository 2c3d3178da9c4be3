namespace FhirTrials.Eligibility.Model;

/// <summary>Where a criterion was found: offsets into the item text and the text itself.</summary>
public sealed record SourceSpan(int Start, int Length, string Text);
