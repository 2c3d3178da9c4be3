using System.Text;
using System.Text.RegularExpressions;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tests.Fhir.Support;

namespace FhirTrials.Mapping.Tests.Fhir;

/// <summary>FHIR → record from resources pulled from a server, and from FHIR written by others.</summary>
public sealed partial class ReverseMapperTests
{
    /// <summary>The bundle's resources as a server returns them: no fullUrls, references as Type/id.</summary>
    private static List<Resource> AsServerResources(TrialRecord record)
    {
        var bundle = TrialBundleMapper.Default.Map(record);
        var addresses = bundle.Entry.ToDictionary(e => e.FullUrl!, e => $"{e.Resource!.TypeName}/{e.Resource.Id}", StringComparer.Ordinal);
        return [.. bundle.Entry.Select(e =>
        {
            var json = FhirJsonSerializer.Serialize(e.Resource!);
            json = UrnUuid().Replace(json, m => addresses[m.Value]);
            return FhirJsonParser.Parse<Resource>(Encoding.UTF8.GetBytes(json));
        })];
    }

    [Theory]
    [InlineData("NCT03765957")]
    [InlineData("NCT03798028")]
    [InlineData("NCT04275024")]
    public void Reverse_ResourcesPulledFromAServer_GiveTheRecordBack(string nctId)
    {
        var record = MappingCorpus.Example(nctId);
        var resources = AsServerResources(record);

        var back = TrialRecordReverseMapper.Default.Reverse(resources.OfType<ResearchStudy>().Single(), ResourceSet.FromResources(resources));

        Assert.Empty(TrialRecordComparison.Differences(record, back));
    }

    [Fact]
    public void Reverse_CorpusRecordsPulledFromAServer_GiveTheRecordsBack()
    {
        var failures = new List<string>();
        foreach (var (source, record) in MappingCorpus.Records("ctgov-v2").Where((_, i) => i % 10 == 0))
        {
            var resources = AsServerResources(record);
            var back = TrialRecordReverseMapper.Default.Reverse(resources.OfType<ResearchStudy>().Single(), ResourceSet.FromResources(resources));
            failures.AddRange(TrialRecordComparison.Differences(RecordNormalizer.WithoutEmptyObjects(record, out _), back).Select(d => $"{source}: {d}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Reverse_PlainR4StudyWrittenByOthers_ReadsWhatR4Says()
    {
        var study = new ResearchStudy
        {
            Id = "other",
            Title = "A plain study",
            Status = ResearchStudyStatus.Active,
            Description = "Details",
            ReasonStopped = null,
        };
        study.Identifier.Add(new Identifier { System = SystemUris.NctId, Value = "NCT09999999" });
        study.Condition.Add(new CodeableConcept { Text = "Asthma" });
        study.Focus.Add(new CodeableConcept { Text = "Salbutamol" });
        study.Period = new Period { Start = "2020-01", End = "2021-06-30" };

        var record = TrialRecordReverseMapper.Default.Reverse(study, ResourceSet.FromResources([study]));

        Assert.Equal(("NCT09999999", "A plain study", "Details"), (record.RegistryId, record.BriefTitle, record.DetailedDescription));
        Assert.Equal(OverallStatus.Recruiting, record.Status!.OverallStatus);
        Assert.Equal(["Asthma"], record.Conditions!.Select(c => c.Text));
        Assert.Equal(["Salbutamol"], record.Interventions!.Select(i => i.Name));
        Assert.Equal(("2020-01", "2021-06-30"), (record.Dates!.Start!.Date, record.Dates.Completion!.Date));
    }

    [Fact]
    public void Reverse_StudyWithoutNctIdentifier_FailsNamingTheStudy()
    {
        var study = new ResearchStudy { Id = "x", Status = ResearchStudyStatus.Active };

        var error = Assert.Throws<TrialReverseMappingException>(() => TrialRecordReverseMapper.Default.Reverse(study, ResourceSet.FromResources([study])));

        Assert.Contains("ResearchStudy/x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reverse_BundleWithTwoStudies_NeedsReverseAll()
    {
        var bundle = TrialBundleMapper.Default.Map(MappingCorpus.Example("NCT01741857"));
        bundle.Entry.AddRange(TrialBundleMapper.Default.Map(MappingCorpus.Example("NCT03798028")).Entry);

        Assert.Throws<TrialReverseMappingException>(() => TrialRecordReverseMapper.Default.Reverse(bundle));
        Assert.Equal(["NCT01741857", "NCT03798028"], TrialRecordReverseMapper.Default.ReverseAll(bundle).Select(r => r.RegistryId));
    }

    [GeneratedRegex("urn:uuid:[0-9a-f-]{36}")]
    private static partial Regex UrnUuid();
}
