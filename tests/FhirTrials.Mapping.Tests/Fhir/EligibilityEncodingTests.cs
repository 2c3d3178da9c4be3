using FhirTrials.Eligibility;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;
using RecordEligibility = FhirTrials.Mapping.Records.Eligibility;
using FhirTrials.Mapping.Tests.Fhir.Support;

namespace FhirTrials.Mapping.Tests.Fhir;

/// <summary>The eligibility Group as docs/eligibility-encoding.md defines it.</summary>
public sealed class EligibilityEncodingTests
{
    private static ElementNode Group(TrialRecord record) => FhirTree.Bundle(record).Resource("Group");

    private static IEnumerable<ElementNode> Criteria(ElementNode group) =>
        group.Select("characteristic").Where(c => c.Extensions(ExtensionUrls.CriterionSource).Any());

    private static string ItemId(ElementNode characteristic) =>
        characteristic.Extensions(ExtensionUrls.CriterionSource).Single().Part("itemId")!.Text!;

    private static TrialRecord Minimal(RecordEligibility eligibility) =>
        new() { RecordVersion = TrialRecord.CurrentVersion, RegistryId = "NCT00000001", Eligibility = eligibility };

    [Fact]
    public void Group_IsADefinitionalGroupOfPersonsWithTheCriteriaAsWritten()
    {
        var record = MappingCorpus.Example("NCT03765957");
        var group = Group(record);

        Assert.Equal(("person", "false"), (group.Value("type"), group.Value("actual")));
        Assert.Equal(record.Eligibility!.Criteria, group.Extensions(ExtensionUrls.GroupDescription).Single().Value("value"));
        Assert.Equal(["https://fhirtrials.org/fhir/StructureDefinition/FhirTrialsEligibility"], group.Values("meta.profile"));
    }

    [Fact]
    public void Characteristics_EveryItemOfEveryCorpusRecord_IsKept()
    {
        var missing = new List<string>();
        foreach (var (source, record) in MappingCorpus.Records("ctgov-v2").Take(200).Concat(MappingCorpus.Records("examples")))
        {
            if (record.Eligibility?.Criteria is not { } criteria)
            {
                continue;
            }

            var parsed = EligibilityCriteriaParser.Parse(criteria);
            var kept = Criteria(Group(record)).Select(ItemId).ToHashSet(StringComparer.Ordinal);
            missing.AddRange(parsed.Items.Where(i => !kept.Contains(i.Id)).Select(i => $"{source}: {i.Id}"));
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing.Take(20)));
    }

    [Fact]
    public void Span_IsTheTextTheCriterionWasReadFrom()
    {
        var characteristics = Criteria(Group(MappingCorpus.Example("NCT03765957"))).ToList();

        Assert.All(characteristics, c =>
        {
            var source = c.Extensions(ExtensionUrls.CriterionSource).Single();
            var itemText = source.Part("itemText")!.Text!;
            var span = source.Extensions("span").Single();
            var start = int.Parse(span.Part("start")!.Text!, System.Globalization.CultureInfo.InvariantCulture);
            var length = int.Parse(span.Part("length")!.Text!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(start + length, 1, itemText.Length);
        });
        var bmi = characteristics.Single(c => c.Codes("code").Contains("http://loinc.org|39156-5"));
        var bmiSource = bmi.Extensions(ExtensionUrls.CriterionSource).Single();
        Assert.Equal("Body Mass Index (BMI) between 18.5-35", bmiSource.Part("itemText")!.Text!.Substring(26, 37));
    }

    [Fact]
    public void UpperLimitOfNormal_IsAQuantityInMultiplesOfUln()
    {
        var creatinine = Criteria(Group(MappingCorpus.Example("NCT03765957"))).Single(c => c.Codes("code").Contains("http://loinc.org|2160-0"));

        Assert.Equal(
            ("1.5", ">", "× ULN", SystemUris.Eligibility, "uln-multiple", "true"),
            (creatinine.Value("value.value"), creatinine.Value("value.comparator"), creatinine.Value("value.unit"), creatinine.Value("value.system"), creatinine.Value("value.code"), creatinine.Value("exclude")));
    }

    [Fact]
    public void TimeWindow_IsKeptWithDurationRelationAndSubject()
    {
        var therapy = Criteria(Group(MappingCorpus.Example("NCT03765957"))).First(c => c.Value("code.text") == "stem cell therapy");

        var window = therapy.Extensions(ExtensionUrls.CriterionTimeWindow).Single();

        Assert.Equal(("6", "mo", "within", "stem cell therapy"), (window.Part("duration")!.Value("value"), window.Part("duration")!.Value("code"), window.Part("relation")!.Text, window.Part("subject")!.Text));
        Assert.Equal([$"{SystemUris.Eligibility}|therapy-or-event"], therapy.Codes("code"));
    }

    [Fact]
    public void ItemWithoutStructure_IsOneTextCharacteristic_ExcludingForAnExclusion()
    {
        var text = Criteria(Group(MappingCorpus.Example("NCT03765957"))).Single(c => ItemId(c) == "exclusion/4");

        Assert.Equal([$"{SystemUris.Eligibility}|free-text"], text.Codes("code"));
        Assert.Equal("Having a serious allergic history or being allergic to two or more than 2 kinds of food or drugs;", text.Value("value.text"));
        Assert.Equal("true", text.Value("exclude"));
    }

    [Fact]
    public void Range_IsAValueRangeInUcum()
    {
        var bmi = Criteria(Group(MappingCorpus.Example("NCT03765957"))).Single(c => c.Codes("code").Contains("http://loinc.org|39156-5"));

        Assert.Equal(("18.5", "35", "kg/m2"), (bmi.Value("value.low.value"), bmi.Value("value.high.value"), bmi.Value("value.low.code")));
    }

    [Fact]
    public void Sex_RestrictedIsACharacteristic_AllIsNot()
    {
        var female = Group(Minimal(new RecordEligibility { Sex = Sex.Female }));
        var all = Group(Minimal(new RecordEligibility { Sex = Sex.All }));

        Assert.Equal("http://hl7.org/fhir/administrative-gender|female", Assert.Single(female.Select("characteristic")).Codes("value").First());
        Assert.Empty(all.Select("characteristic"));
        Assert.Equal("ALL", all.Extensions(ExtensionUrls.RegistryFields).Single().Part("sex")!.Text);
    }

    [Fact]
    public void Ages_WrittenUnusually_KeepTheirTextAndUnparsedAgesStayText()
    {
        var record = Minimal(new RecordEligibility
        {
            MinimumAge = new ParsedDuration { Text = "6 Months", Value = 6, Unit = "mo" },
            MaximumAge = new ParsedDuration { Text = "N/A" },
        });

        var age = Assert.Single(Group(record).Select("characteristic"));

        Assert.Equal(("6", "Months", "mo"), (age.Value("value.low.value"), age.Value("value.low.unit"), age.Value("value.low.code")));
        Assert.Empty(age.Select("value.high"));
        Assert.Equal(record.Eligibility, TrialRecordReverseMapper.Default.Reverse(TrialBundleMapper.Default.Map(record)).Eligibility);
    }
}
