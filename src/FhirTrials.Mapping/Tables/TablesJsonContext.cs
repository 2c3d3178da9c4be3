using System.Text.Json.Serialization;

namespace FhirTrials.Mapping.Tables;

/// <summary>Strict source-generated reader for the embedded table files.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(MappingTableData))]
[JsonSerializable(typeof(TimeUnitTableData))]
internal sealed partial class TablesJsonContext : JsonSerializerContext
{
}
