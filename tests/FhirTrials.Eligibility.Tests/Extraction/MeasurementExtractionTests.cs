using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Tests.Support;

namespace FhirTrials.Eligibility.Tests.Extraction;

public sealed class MeasurementExtractionTests
{
    private const string SeedExclusion =
        "WBC(white blood cell count ) <3.5x109/L, blood platelet count<100x109/L, hemoglobin<100g/L serum creatinine>1.5 x ULN(upper limit of normal), " +
        "bilirubin > 1.5 x ULN(upper limit of normal), AST(SGOT,glutamic-oxalacetic transaminase)/ALT(SGPT,glutamic-pyruvic transaminase) >2.0 x ULN(upper limit of normal);";

    [Fact]
    public void ParseItem_SeedLaboratoryItem_ReadsEveryThreshold()
    {
        var labs = Parse.Item(SeedExclusion, CriterionKind.Measurement, CriteriaSection.Exclusion);

        Assert.Equal(
            [
                ("6690-2", Comparator.LessThan, 3.5m, "10*9/L", NormalLimit.None),
                ("777-3", Comparator.LessThan, 100m, "10*9/L", NormalLimit.None),
                ("718-7", Comparator.LessThan, 100m, "g/L", NormalLimit.None),
                ("2160-0", Comparator.GreaterThan, 1.5m, null, NormalLimit.Upper),
                ("1975-2", Comparator.GreaterThan, 1.5m, null, NormalLimit.Upper),
                ("1920-8", Comparator.GreaterThan, 2.0m, null, NormalLimit.Upper),
                ("1742-6", Comparator.GreaterThan, 2.0m, null, NormalLimit.Upper),
            ],
            labs.Select(l => (l.Code!.Code, l.Comparator!.Value, l.Value!.Value, l.Unit, l.NormalLimit)));
        Assert.All(labs, l => Assert.True(l.Exclude));
        Assert.All(labs, l => Assert.Equal("http://loinc.org", l.Code!.System));
    }

    [Theory]
    [InlineData("AST or ALT 2 times more than normal upper limit", "1920-8", "1742-6", Comparator.GreaterThan, 2)]
    [InlineData("ALT higher than 3 times the normal value", "1742-6", null, Comparator.GreaterThan, 3)]
    [InlineData("Serum amylase and lipase ≤ 1.5 x ULN", "1798-8", "3040-3", Comparator.LessOrEqual, 1.5)]
    [InlineData("ALT and AST value > 2 folds as high as maximal normal value", "1742-6", "1920-8", Comparator.GreaterThan, 2)]
    [InlineData("Creatinine and cystatin C more than normal upper limit", "2160-0", "33863-2", Comparator.GreaterThan, 1)]
    public void ParseItem_MultipleOfUpperLimit_AppliesToEveryTestNamed(string text, string first, string? second, Comparator comparator, double value)
    {
        var labs = Parse.Item(text, CriterionKind.Measurement);

        Assert.Equal(second is null ? [first] : [first, second], labs.Select(l => l.Code!.Code));
        Assert.All(labs, l => Assert.Equal((comparator, (decimal)value, NormalLimit.Upper), (l.Comparator!.Value, l.Value!.Value, l.NormalLimit)));
    }

    [Theory]
    [InlineData("24h urine protein≥1g", "2889-4", Comparator.GreaterOrEqual, 1, "g/(24.h)")]
    [InlineData("Platelet count less than 75.010^9/L", "777-3", Comparator.LessThan, 75.0, "10*9/L")]
    [InlineData("Absolute neutrophil count ≥ 1,500/µL", "751-8", Comparator.GreaterOrEqual, 1500, "/uL")]
    [InlineData("Hemoglobin value < 9,0 g/dl", "718-7", Comparator.LessThan, 9.0, "g/dL")]
    [InlineData("HbA1c of 8.0% or higher", "4548-4", Comparator.GreaterOrEqual, 8.0, "%")]
    [InlineData("Ca2+ > 2.9 mmol/L", "2000-8", Comparator.GreaterThan, 2.9, "mmol/L")]
    [InlineData("serum creatinine > 133 µmol/L", "14682-9", Comparator.GreaterThan, 133, "umol/L")]
    [InlineData("Corrected QT interval(QTc)> 470 milliseconds", "8636-3", Comparator.GreaterThan, 470, "ms")]
    [InlineData("Left ventricular ejection fraction (LVEF) <50%", "10230-1", Comparator.LessThan, 50, "%")]
    [InlineData("Weight at the screening is over 85 kg.", "29463-7", Comparator.GreaterThan, 85, "kg")]
    [InlineData("(FVC) < 60% predicted", "19872-1", Comparator.LessThan, 60, "%")]
    [InlineData("eGFR < 40 mL/min/1.73 m2", "69405-9", Comparator.LessThan, 40, "mL/min/{1.73_m2}")]
    [InlineData("leukopenia (less than 2,000 /mm3)", "6690-2", Comparator.LessThan, 2000, "/mm3")]
    [InlineData("SpO2 < / = 94% on room air", "59408-5", Comparator.LessOrEqual, 94, "%")]
    public void ParseItem_Threshold_ReadsCodeValueAndUnit(string text, string code, Comparator comparator, double value, string unit)
    {
        var lab = Assert.Single(Parse.Item(text, CriterionKind.Measurement));

        Assert.Equal((code, comparator, (decimal)value, unit), (lab.Code!.Code, lab.Comparator!.Value, lab.Value!.Value, lab.Unit!));
    }

    [Fact]
    public void ParseItem_TwoThresholdsForOneTest_SharesTheUnit()
    {
        var pressures = Parse.Item("Systolic blood pressure < 90 or >150 mmHg; diastolic blood pressure < 50 or > 95 mmHg", CriterionKind.Measurement);

        Assert.Equal(
            [("8480-6", Comparator.LessThan, 90m), ("8480-6", Comparator.GreaterThan, 150m), ("8462-4", Comparator.LessThan, 50m), ("8462-4", Comparator.GreaterThan, 95m)],
            pressures.Select(p => (p.Code!.Code, p.Comparator!.Value, p.Value!.Value)));
        Assert.All(pressures, p => Assert.Equal("mm[Hg]", p.Unit));
    }

    [Fact]
    public void ParseItem_ThresholdWithoutComparatorAfterAnother_InheritsIt()
    {
        var rates = Parse.Item("Subjects whose pulse is lower than 55 bpm at screening or 50 bpm prior to dosing.", CriterionKind.Measurement);

        Assert.Equal([55m, 50m], rates.Select(r => r.Value!.Value));
        Assert.All(rates, r => Assert.Equal((Comparator.LessThan, "/min"), (r.Comparator!.Value, r.Unit!)));
    }

    [Fact]
    public void ParseItem_ClauseWithOnlyAThreshold_RepeatsTheTestsBefore()
    {
        var labs = Parse.Item("Aspartate aminotransferase (AST) and alanine aminotransferase (ALT) ≤ 2.5 × ULN; ≤ 5 × ULN in the presence of liver metastases", CriterionKind.Measurement);

        Assert.Equal([2.5m, 2.5m, 5m, 5m], labs.Select(l => l.Value!.Value));
    }

    [Fact]
    public void ParseItem_BodyMassIndex_DefaultsToKilogramsPerSquareMetre()
    {
        var bmi = Assert.Single(Parse.Item("Body Mass Index (BMI) between 18.5-35", CriterionKind.BodyMassIndex));

        Assert.Equal(("39156-5", 18.5m, 35m, "kg/m2"), (bmi.Code!.Code, bmi.Low!.Value, bmi.High!.Value, bmi.Unit!));
    }

    [Theory]
    [InlineData("Hemoglobin elevates 20g/L more than normal upper limit")]
    [InlineData("Serum creatinine 1.5-1.9 × baseline")]
    [InlineData("intermittent fever >1 week in duration")]
    [InlineData("Subjects with liver function tests > 1.5 ULN")]
    [InlineData("reduction of 20 mmHg or more in systolic blood pressure")]
    public void ParseItem_NotAThresholdOnTheTest_ReadsNothing(string text) => Assert.Empty(Parse.Item(text, CriterionKind.Measurement));

    [Fact]
    public void ParseItem_CarveOutInParentheses_IsNotRead()
    {
        var lab = Assert.Single(Parse.Item("TBL > 1.5 mg/dL (TBL > 1.5 mg/dL is allowed if conjugated bilirubin is < 1.5 × ULN)", CriterionKind.Measurement));

        Assert.Equal(("1975-2", 1.5m, "mg/dL"), (lab.Code!.Code, lab.Value!.Value, lab.Unit!));
    }
}
