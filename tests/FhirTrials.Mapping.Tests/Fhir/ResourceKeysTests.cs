using FhirTrials.Mapping.Fhir;

namespace FhirTrials.Mapping.Tests.Fhir;

/// <summary>Stable ids, canonical URLs and name-based UUIDs.</summary>
public sealed class ResourceKeysTests
{
    [Fact]
    public void Create_RfcNamespaceAndName_MatchesAnIndependentImplementation()
    {
        // Values computed with Python's uuid.uuid5, an independent implementation of RFC 9562 version 5.
        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), DeterministicUuid.Create(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"));
        Assert.Equal(new Guid("17208851-033b-5432-bfb3-bc79ee21f8a5"), DeterministicUuid.FhirTrialsNamespace);
        Assert.Equal("urn:uuid:9edfd774-2e5e-5533-a91f-2b664a294f6b", new ResourceKeys("NCT03765957").FullUrl("ResearchStudy", "nct03765957"));
    }

    [Fact]
    public void Keys_AreDerivedFromTheRegistryId()
    {
        var keys = new ResourceKeys("NCT03765957");

        Assert.Equal(
            ["nct03765957", "nct03765957-eligibility", "nct03765957-protocol", "nct03765957-intervention-2", "nct03765957-site-3", "nct03765957-official-1-role"],
            [keys.Study, keys.Eligibility, keys.Protocol, keys.Intervention(2), keys.Site(3), keys.OfficialRole(1)]);
        Assert.Equal("nct03765957-arm-1-dose-a", keys.DoseGroup(1, 1, armNumber: 1, label: "Group A"));
        Assert.Equal("nct03765957-arm-2-dose-high-dose-10-mg", keys.DoseGroup(1, 3, armNumber: 2, label: "High dose (10 mg)"));
        Assert.Equal("nct03765957-intervention-1-dose-3", keys.DoseGroup(1, 3, armNumber: null, label: "Group C"));
        Assert.Equal("https://fhirtrials.org/fhir/ActivityDefinition/nct03765957-intervention-1", ResourceKeys.Canonical("ActivityDefinition", keys.Intervention(1)));
    }

    [Fact]
    public void DoseGroup_LongLabel_StaysWithinTheFhirIdLimit()
    {
        var id = new ResourceKeys("NCT03765957").DoseGroup(1, 1, armNumber: 12, label: new string('x', 200));

        Assert.True(id.Length <= 64, id);
        Assert.StartsWith("nct03765957-arm-12-dose-xxx", id, StringComparison.Ordinal);
    }

    [Fact]
    public void Organization_SameNameWrittenDifferently_IsOneOrganization()
    {
        Assert.Equal(ResourceKeys.Organization("Pfizer, Inc."), ResourceKeys.Organization("PFIZER  Inc"));
        Assert.NotEqual(ResourceKeys.Organization("Pfizer"), ResourceKeys.Organization("Pfizer Inc"));
        Assert.Matches("^org-[0-9a-f]{16}$", ResourceKeys.Organization("Central South University"));
    }

    [Fact]
    public void FullUrl_Organization_IsTheSameInEveryTrial()
    {
        var id = ResourceKeys.Organization("Central South University");

        Assert.Equal(new ResourceKeys("NCT00000001").FullUrl("Organization", id), new ResourceKeys("NCT00000002").FullUrl("Organization", id));
        Assert.NotEqual(new ResourceKeys("NCT00000001").FullUrl("Group", "g"), new ResourceKeys("NCT00000002").FullUrl("Group", "g"));
    }
}
