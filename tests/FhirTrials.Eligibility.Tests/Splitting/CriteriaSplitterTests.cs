using FhirTrials.Eligibility.Model;

namespace FhirTrials.Eligibility.Tests.Splitting;

public sealed class CriteriaSplitterTests
{
    private static ParsedCriteria Parse(string markdown) => EligibilityCriteriaParser.Parse(markdown);

    [Fact]
    public void Parse_BulletsAndNumbers_SplitIntoSections()
    {
        var parsed = Parse("Inclusion Criteria:\n\n* Age ≥ 18\n* Signed consent\n\nExclusion Criteria:\n\n1. Pregnancy\n2) HIV infection");

        Assert.Equal(["Age ≥ 18", "Signed consent"], parsed.Inclusion.Select(i => i.Text));
        Assert.Equal(["Pregnancy", "HIV infection"], parsed.Exclusion.Select(i => i.Text));
        Assert.Equal(["1.", "2)"], parsed.Exclusion.Select(i => i.Marker));
        Assert.False(parsed.SectionsInferred);
    }

    [Fact]
    public void Parse_IndentedSubItems_StayWithTheirParent()
    {
        var parsed = Parse("Inclusion Criteria:\n\n* Adequate organ function:\n\n  * ANC ≥ 1.5 x 10^9/L\n  * Platelets ≥ 100 x 10^9/L\n* ECOG 0-1");

        Assert.Equal(2, parsed.Inclusion.Count);
        Assert.Equal(["inclusion/1/1", "inclusion/1/2"], parsed.Inclusion[0].Children.Select(c => c.Id));
        Assert.Equal(1, parsed.Inclusion[0].Children[0].Depth);
        Assert.Equal(4, parsed.Items.Count);
    }

    [Fact]
    public void Parse_ParagraphAfterItemEndingWithColon_BecomesItsSubItem()
    {
        var parsed = Parse("Inclusion criteria\n\n* Refractory disease as determined by failure of the following regimens:\n\nTrial of corticosteroids (oral prednisone more than 20 mg/day);\n\n* Willing to use contraception");

        Assert.Equal(2, parsed.Inclusion.Count);
        Assert.StartsWith("Trial of corticosteroids", parsed.Inclusion[0].Children.Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrappedLine_ContinuesTheItem()
    {
        var parsed = Parse("* Patients receiving medications that are\npotent inhibitors of CYP3A4\n* Pregnancy");

        Assert.Equal("Patients receiving medications that are potent inhibitors of CYP3A4", parsed.Inclusion[0].Text);
    }

    [Fact]
    public void Parse_RunTogetherNumbering_SplitsItems()
    {
        var parsed = Parse("Inclusion criteria\n\n1.Understanding the whole process of the study, voluntary participation and signed the informed consent; 2.18 Years to 65 Years old, Body Mass Index (BMI) between 18.5-35; 3.Diagnosed according to biopsy; 4. Patients participated in any stem cell therapy within 6 months;");

        Assert.Equal(4, parsed.Inclusion.Count);
        Assert.StartsWith("18 Years to 65 Years old", parsed.Inclusion[1].Text, StringComparison.Ordinal);
        Assert.Equal("2.", parsed.Inclusion[1].Marker);
        Assert.Contains("18.5-35", parsed.Inclusion[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GluedNumbering_SplitsItems()
    {
        var parsed = Parse("Inclusion Criteria:\n\n1moderate to severe psoriasis vulgaris ( PASI > 7 or BSA >10% ) 218 to 65 years old 3written/signed informed consent");

        Assert.Equal(["moderate to severe psoriasis vulgaris ( PASI > 7 or BSA >10% )", "18 to 65 years old", "written/signed informed consent"], parsed.Inclusion.Select(i => i.Text));
    }

    [Fact]
    public void Parse_RunTogetherLetters_SplitsAndMaySkipALetter()
    {
        var parsed = Parse("* Labs:\n\n   a.Neutrophils ≥ 1.5×10^9/L; b.Hemoglobin ≥ 90 g/L; d.Platelet ≥ 80×10^9/L; e. Aspartate aminotransferase ≤ 2.5×ULN;");

        Assert.Equal(["a.", "b.", "d.", "e."], parsed.Inclusion[0].Children.Select(c => c.Marker));
    }

    [Fact]
    public void Parse_RunTogetherAfterSentenceEnd_SplitsAndKeepsDecimals()
    {
        var parsed = Parse("Exclusion Criteria:\n\n8\\. Previous allogeneic bone marrow transplant. 9. Hypersensitivity to drug X with creatinine 1.5 x ULN. 10.Pregnant or lactating women.");

        Assert.Equal(["Previous allogeneic bone marrow transplant.", "Hypersensitivity to drug X with creatinine 1.5 x ULN.", "Pregnant or lactating women."], parsed.Exclusion.Select(i => i.Text));
    }

    [Fact]
    public void Parse_MarkdownEscapes_AreRemoved()
    {
        var parsed = Parse("* INR \\< 1.5\n* eGFR \\>= 60 mL/min\n* HbA1c \\≤ 8\\%");

        Assert.Equal(["INR < 1.5", "eGFR >= 60 mL/min", "HbA1c ≤ 8%"], parsed.Inclusion.Select(i => i.Text));
    }

    [Fact]
    public void Parse_NoHeadings_TakesEverythingAsInclusion()
    {
        var parsed = Parse("* At least 2 previous episodes\n* Age 18 to 65");

        Assert.True(parsed.SectionsInferred);
        Assert.Equal(2, parsed.Inclusion.Count);
        Assert.Empty(parsed.Exclusion);
    }

    [Fact]
    public void Parse_StrayIndentedHeadingInsideAList_IsKeptAsLabel()
    {
        var parsed = Parse("Inclusion Criteria:\n\n5. Confirmed infection:\n\n   1. PCR positive < 72 hours; OR\n\n      Exclusion Criteria:\n   2. PCR positive >= 72 hours\n\nExclusion Criteria:\n\n1. Pregnancy");

        Assert.Single(parsed.Exclusion);
        Assert.Equal(2, parsed.Inclusion[0].Children.Count);
        Assert.Contains(parsed.Outline, e => e.Kind == OutlineEntryKind.Label && e.Text.StartsWith("Exclusion", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_HeadingFollowedByItemOnTheSameLine_KeepsTheItem()
    {
        var parsed = Parse("Inclusion Criteria:• Age 20 to 45;\n• Healthy\n\nExclusion Criteria:Patients with HIV");

        Assert.Equal(["Age 20 to 45;", "Healthy"], parsed.Inclusion.Select(i => i.Text));
        Assert.Equal("Patients with HIV", parsed.Exclusion.Single().Text);
    }

    [Fact]
    public void Parse_ShortLinesBeforeLists_BecomeLabels()
    {
        var parsed = Parse("Inclusion Criteria:\n\nScreening Phase:\n\n1. Aged 14 to 65 years.\n\nAge\n\n* 18 and over");

        Assert.Equal("Screening Phase", parsed.Inclusion[0].Heading);
        Assert.Equal("Age", parsed.Inclusion[1].Heading);
        Assert.Contains(parsed.Inclusion[1].Criteria, c => c.Kind == CriterionKind.Age && c.Value == 18);
    }

    [Theory]
    [InlineData("* patients who do not fulfil the inclusion criteria")]
    [InlineData("* Exclusion according to US PI")]
    [InlineData("* Not meeting inclusion criteria")]
    public void Parse_ListItemMentioningCriteria_StaysAnItem(string line)
    {
        var parsed = Parse("Inclusion Criteria:\n\n* Age ≥ 18\n\nExclusion Criteria:\n\n" + line);

        Assert.Equal(line[2..], Assert.Single(parsed.Exclusion).Text);
    }

    [Fact]
    public void Parse_BulletedHeadingWithColon_StartsTheSection()
    {
        var parsed = Parse("• Inclusion Criteria:\n• Age ≥ 18\n• Exclusion Criteria:\n• Pregnancy");

        Assert.Equal("Age ≥ 18", Assert.Single(parsed.Inclusion).Text);
        Assert.Equal("Pregnancy", Assert.Single(parsed.Exclusion).Text);
    }
}
