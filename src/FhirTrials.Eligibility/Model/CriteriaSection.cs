namespace FhirTrials.Eligibility.Model;

/// <summary>The list an eligibility item belongs to.</summary>
public enum CriteriaSection
{
    Inclusion,
    Exclusion,
}
