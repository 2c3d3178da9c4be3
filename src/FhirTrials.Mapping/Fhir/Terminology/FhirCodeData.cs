using System.Text.Json.Serialization;
using FhirTrials.Mapping.Tables;

namespace FhirTrials.Mapping.Fhir;

/// <summary>The codes.json file: sections of record keys mapped to codes of one system.</summary>
internal sealed record CodeSectionsData
{
    [JsonPropertyName("_comment")]
    public string? Comment { get; init; }

    public required IReadOnlyList<CodeSectionData> Sections { get; init; }
}

/// <summary>One section of codes.json.</summary>
internal sealed record CodeSectionData
{
    public required string Id { get; init; }

    public required string System { get; init; }

    public string? Description { get; init; }

    public required IReadOnlyList<CodeEntryData> Codes { get; init; }
}

/// <summary>A record key, its code and display, and (for normal-limit multiples) the unit text.</summary>
internal sealed record CodeEntryData
{
    public required string Key { get; init; }

    public required string Code { get; init; }

    public required string Display { get; init; }

    public string? Unit { get; init; }
}

/// <summary>The countries.json file.</summary>
internal sealed record CountriesData
{
    [JsonPropertyName("_comment")]
    public string? Comment { get; init; }

    public required IReadOnlyList<CountryData> Countries { get; init; }
}

/// <summary>An ISO 3166-1 alpha-2 code with its name and the other names written for it.</summary>
internal sealed record CountryData
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<string>? Aliases { get; init; }
}

/// <summary>Strict source-generated reader for the files in Fhir/Data.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(CodeSectionsData))]
[JsonSerializable(typeof(CountriesData))]
[JsonSerializable(typeof(MappingTableData))]
internal sealed partial class FhirDataJsonContext : JsonSerializerContext
{
}
