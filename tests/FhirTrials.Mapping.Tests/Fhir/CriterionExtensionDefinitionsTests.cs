using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Tests.Fhir.Support;
using FhirTrials.Mapping.Tests.Support;

namespace FhirTrials.Mapping.Tests.Fhir;

/// <summary>
/// profiles/StructureDefinition-criterion-*.json are valid R4 extension definitions on
/// Group.characteristic, and define every sub-extension the Group mapper writes with its type.
/// </summary>
public sealed class CriterionExtensionDefinitionsTests
{
    public static TheoryData<string, string> Definitions => new()
    {
        { "criterion-source", ExtensionUrls.CriterionSource },
        { "criterion-time-window", ExtensionUrls.CriterionTimeWindow },
    };

    private static ElementNode Definition(string id) =>
        FhirJsonParser.ParseNode(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "profiles", $"StructureDefinition-{id}.json")), id);

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Definition_IsAnR4ExtensionOnGroupCharacteristic(string id, string url)
    {
        var definition = Definition(id);

        Assert.Equal(("StructureDefinition", url, "4.0.1", "Extension", "constraint"), (definition.Type?.Name, definition.Value("url"), definition.Value("fhirVersion"), definition.Value("type"), definition.Value("derivation")));
        Assert.Equal(("element", "Group.characteristic"), (definition.Value("context.type"), definition.Value("context.expression")));
        var fixedUrl = definition.Select("differential.element").Single(e => e.Value("id") == "Extension.url");
        Assert.Equal(url, fixedUrl.Value("fixed"));
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Definition_DefinesEverySubExtensionTheMapperWrites(string id, string url)
    {
        var elements = Definition(id).Select("differential.element").ToList();
        var written = MappingCorpus.Records("examples").Concat(MappingCorpus.Records("ctgov-v2").Take(100))
            .SelectMany(r => FhirTree.Bundle(r.Record).Resources("Group"))
            .SelectMany(g => g.Select("characteristic"))
            .SelectMany(c => c.Extensions(url))
            .SelectMany(e => Parts(e, "Extension"))
            .Distinct()
            .ToList();

        Assert.NotEmpty(written);
        foreach (var (sliceId, type) in written)
        {
            var slice = elements.SingleOrDefault(e => e.Value("id") == sliceId);
            Assert.True(slice is not null, $"{id}: no slice {sliceId}");
            var value = elements.Single(e => e.Value("id") == sliceId + ".value[x]");
            Assert.Equal(type ?? "(none)", value.Value("max") == "0" ? "(none)" : value.Value("type.code"));
        }
    }

    /// <summary>(slice element id, value type or null for a complex part) of every sub-extension, recursively.</summary>
    private static IEnumerable<(string SliceId, string? Type)> Parts(ElementNode extension, string parentId)
    {
        foreach (var part in extension.ChildrenNamed("extension"))
        {
            var sliceId = $"{parentId}.extension:{part.Value("url")}";
            var value = part.Child("value");
            yield return (sliceId, value?.Type?.Name);
            if (value is null)
            {
                foreach (var nested in Parts(part, sliceId))
                {
                    yield return nested;
                }
            }
        }
    }
}
