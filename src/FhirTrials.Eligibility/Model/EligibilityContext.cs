namespace FhirTrials.Eligibility.Model;

/// <summary>
/// The record's structured eligibility fields, as ClinicalTrials.gov writes them
/// (minimumAge "18 Years", maximumAge "65 Years", sex "ALL" | "FEMALE" | "MALE").
/// </summary>
public sealed record EligibilityContext(string? MinimumAge, string? MaximumAge, string? Sex);
