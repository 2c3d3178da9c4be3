using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Splitting;

namespace FhirTrials.Eligibility.Tests.Splitting;

public sealed class HeadingClassifierTests
{
    [Theory]
    [InlineData("Inclusion Criteria:", CriteriaSection.Inclusion)]
    [InlineData("Inclusion criteria", CriteriaSection.Inclusion)]
    [InlineData("INCLUSION CRITERIA:", CriteriaSection.Inclusion)]
    [InlineData("Key inclusion criteria", CriteriaSection.Inclusion)]
    [InlineData("Key Inclusion Criteria :", CriteriaSection.Inclusion)]
    [InlineData("Inclusion:", CriteriaSection.Inclusion)]
    [InlineData("Inclusion Criteriar:", CriteriaSection.Inclusion)]
    [InlineData("Inclusion criteria were as follows:", CriteriaSection.Inclusion)]
    [InlineData("Inclusion standard:", CriteriaSection.Inclusion)]
    [InlineData("Criteria for inclusion:", CriteriaSection.Inclusion)]
    [InlineData("Eligibility criteria:", CriteriaSection.Inclusion)]
    [InlineData("Inclusion Criteria for Healthy Volunteers:", CriteriaSection.Inclusion)]
    [InlineData("**Inclusion Criteria:**", CriteriaSection.Inclusion)]
    [InlineData("Exclusion Criteria:", CriteriaSection.Exclusion)]
    [InlineData("Exclusion criteria", CriteriaSection.Exclusion)]
    [InlineData("Exclusion Citeria:", CriteriaSection.Exclusion)]
    [InlineData("Non-inclusion Criteria:", CriteriaSection.Exclusion)]
    [InlineData("Other Exclusions", CriteriaSection.Exclusion)]
    [InlineData("Exclusion criteria determined after tissue explant/sequestrectomy", CriteriaSection.Exclusion)]
    [InlineData("Exclusion standard", CriteriaSection.Exclusion)]
    [InlineData("Exclusionary criteria:", CriteriaSection.Exclusion)]
    [InlineData("Enrollment criteria:", CriteriaSection.Inclusion)]
    [InlineData("Enrolment Criteria:", CriteriaSection.Inclusion)]
    [InlineData("Selection criteria:", CriteriaSection.Inclusion)]
    [InlineData("ENTRY CRITERIA:", CriteriaSection.Inclusion)]
    public void Classify_HeadingSpellings_FindsSection(string line, CriteriaSection expected)
    {
        var heading = HeadingClassifier.Classify(line);

        Assert.NotNull(heading);
        Assert.Equal(expected, heading.Section);
    }

    [Theory]
    [InlineData("Note: Other protocol-defined inclusion/exclusion criteria apply.")]
    [InlineData("Other protocol-defined inclusion/exclusion criteria may apply")]
    [InlineData("Patient meets the inclusion criteria for trial entry")]
    [InlineData("Patients with asymptomatic CNS disease are eligible")]
    [InlineData("A subject is eligible for inclusion if all the following criteria are met:")]
    [InlineData("Age ≥ 18 years")]
    public void Classify_NotesAndCriteria_AreNotHeadings(string line) => Assert.Null(HeadingClassifier.Classify(line));

    [Fact]
    public void Classify_HeadingWithTextAfterColon_KeepsTheText()
    {
        var heading = HeadingClassifier.Classify("Exclusion Criteria:Patients with active infection");

        Assert.NotNull(heading);
        Assert.Equal("Patients with active infection", heading.Remainder);
    }
}
