using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.Tests.Fhir;

/// <summary>A record FHIR cannot hold fails with one line naming the registry id and the field.</summary>
public sealed class MappingErrorsTests
{
    private static TrialRecord Minimal(Func<TrialRecord, TrialRecord> with) =>
        with(new TrialRecord { RecordVersion = TrialRecord.CurrentVersion, RegistryId = "NCT00000001" });

    [Fact]
    public void Map_InvalidDate_NamesTheDateField()
    {
        var record = Minimal(r => r with { Dates = new TrialDates { PrimaryCompletion = new TrialDate { Date = "2019-13" } } });

        var error = Assert.Throws<TrialMappingException>(() => TrialBundleMapper.Default.Map(record));

        Assert.Equal(("NCT00000001", "$.dates.primaryCompletion.date"), (error.RegistryId, error.FieldPath));
        Assert.StartsWith("NCT00000001: $.dates.primaryCompletion.date: '2019-13' is not a FHIR dateTime", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Map_EmptyString_NamesItsPath()
    {
        var record = Minimal(r => r with { Conditions = [new CodedText { Text = "Asthma" }, new CodedText { Text = "" }] });

        var error = Assert.Throws<TrialMappingException>(() => TrialBundleMapper.Default.Map(record));

        Assert.Equal("$.conditions[1].text", error.FieldPath);
    }

    [Fact]
    public void Map_EmptyStringInAStringList_NamesItsIndex()
    {
        var keywords = new List<string> { "asthma", "" };
        var record = Minimal(r => r with { Keywords = keywords });

        var error = Assert.Throws<TrialMappingException>(() => TrialBundleMapper.Default.Map(record));

        Assert.Equal("$.keywords[1]", error.FieldPath);
    }

    [Fact]
    public void Map_EmptyStringInANestedListOfRecords_NamesTheWholePath()
    {
        var site = new Location { Facility = "Clinic", Contacts = [new Contact { Name = "A" }, new Contact { Name = "B", Email = "" }] };
        var record = Minimal(r => r with { Locations = [new Location { Facility = "Hospital" }, site] });

        var error = Assert.Throws<TrialMappingException>(() => TrialBundleMapper.Default.Map(record));

        Assert.Equal("$.locations[1].contacts[1].email", error.FieldPath);
    }

    [Fact]
    public void Map_MinimalRecord_IsAStudyWithItsIdentifierOnly()
    {
        var bundle = TrialBundleMapper.Default.Map(Minimal(r => r));

        var entry = Assert.Single(bundle.Entry);
        Assert.Equal("ResearchStudy?identifier=https://clinicaltrials.gov/nctid|NCT00000001", entry.Request!.Url);
        Assert.Equal(Minimal(r => r), TrialRecordReverseMapper.Default.Reverse(bundle));
    }
}
