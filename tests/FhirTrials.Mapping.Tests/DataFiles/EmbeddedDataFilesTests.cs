using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FhirTrials.Fhir.DataFiles;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Tables;

namespace FhirTrials.Mapping.Tests.DataFiles;

/// <summary>
/// The row readers of the embedded mapping data, held to System.Text.Json reading the same files with the strict
/// source-generated contract they were first read with (unknown members, missing required members and nulls fail).
/// </summary>
public sealed class EmbeddedDataFilesTests
{
    private static readonly System.Reflection.Assembly Mapping = typeof(MappingTables).Assembly;

    public static TheoryData<string> Resources() => [.. Mapping.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Resources))]
    public void Read_EmbeddedFile_SameAsSerializerContract(string resource)
    {
        var bytes = Bytes(resource);

        var (ours, theirs) = resource switch
        {
            "FhirTrials.Mapping.Tables.time-units.json" => Both(bytes, TimeUnitTableData.Read, OracleJsonContext.Default.TimeUnitTableData),
            "FhirTrials.Mapping.Fhir.codes.json" => Both(bytes, CodeSectionsData.Read, OracleJsonContext.Default.CodeSectionsData),
            "FhirTrials.Mapping.Fhir.countries.json" => Both(bytes, CountriesData.Read, OracleJsonContext.Default.CountriesData),
            _ => Both(bytes, MappingTableData.Read, OracleJsonContext.Default.MappingTableData),
        };

        Assert.Equal(theirs, ours);
    }

    [Fact]
    public void Resources_EveryDataFolderFile_IsEmbedded()
    {
        // The theory above covers what is embedded; this keeps it from passing on an empty list.
        Assert.Equal(16 + 3, Resources().Count);
    }

    [Fact]
    public void Read_TableWithUnknownEquivalence_NamesTheRow()
    {
        var json = """{ "id": "x", "title": "x", "sourceEnumeration": "Sex", "sourceSystem": "s", "targetElement": "e", "rows": [{ "source": "ALL", "sourceDisplay": "All", "equivalence": "same" }] }"""u8.ToArray();

        var exception = Assert.Throws<InvalidDataException>(() => DataFile.Read(json, "x.json", MappingTableData.Read));

        Assert.Equal("x.json: $.rows[0].equivalence is not an R4 ConceptMap equivalence", exception.Message);
    }

    private static byte[] Bytes(string resource)
    {
        using var stream = Mapping.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Both readings, written back as JSON by the same contract so that lists compare by content.</summary>
    private static (string Ours, string Theirs) Both<T>(byte[] bytes, Func<DataObject, T> read, JsonTypeInfo<T> contract) =>
        (JsonSerializer.Serialize(DataFile.Read(bytes, "file", read), contract), JsonSerializer.Serialize(JsonSerializer.Deserialize(bytes, contract)!, contract));
}

/// <summary>The strict contract the embedded mapping files were read with before <see cref="DataFile"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(MappingTableData))]
[JsonSerializable(typeof(TimeUnitTableData))]
[JsonSerializable(typeof(CodeSectionsData))]
[JsonSerializable(typeof(CountriesData))]
internal sealed partial class OracleJsonContext : JsonSerializerContext;
