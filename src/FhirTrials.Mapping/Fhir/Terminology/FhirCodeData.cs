using System.Text.Json.Serialization;
using FhirTrials.Fhir.DataFiles;

namespace FhirTrials.Mapping.Fhir;

/// <summary>The codes.json file: sections of record keys mapped to codes of one system.</summary>
internal sealed record CodeSectionsData
{
    [JsonPropertyName("_comment")]
    public string? Comment { get; init; }

    public required IReadOnlyList<CodeSectionData> Sections { get; init; }

    /// <summary>Reads codes.json (see <see cref="DataFile"/>).</summary>
    public static CodeSectionsData Read(DataObject file)
    {
        file.Members("_comment", "sections");
        return new() { Comment = file.OptionalText("_comment"), Sections = file.Objects("sections", CodeSectionData.Read) };
    }
}

/// <summary>One section of codes.json.</summary>
internal sealed record CodeSectionData
{
    public required string Id { get; init; }

    public required string System { get; init; }

    public string? Description { get; init; }

    public required IReadOnlyList<CodeEntryData> Codes { get; init; }

    public static CodeSectionData Read(DataObject section)
    {
        section.Members("id", "system", "description", "codes");
        return new()
        {
            Id = section.Text("id"),
            System = section.Text("system"),
            Description = section.OptionalText("description"),
            Codes = section.Objects("codes", CodeEntryData.Read),
        };
    }
}

/// <summary>A record key, its code and display, and (for normal-limit multiples) the unit text.</summary>
internal sealed record CodeEntryData
{
    public required string Key { get; init; }

    public required string Code { get; init; }

    public required string Display { get; init; }

    public string? Unit { get; init; }

    public static CodeEntryData Read(DataObject entry)
    {
        entry.Members("key", "code", "display", "unit");
        return new() { Key = entry.Text("key"), Code = entry.Text("code"), Display = entry.Text("display"), Unit = entry.OptionalText("unit") };
    }
}

/// <summary>The countries.json file.</summary>
internal sealed record CountriesData
{
    [JsonPropertyName("_comment")]
    public string? Comment { get; init; }

    public required IReadOnlyList<CountryData> Countries { get; init; }

    /// <summary>Reads countries.json (see <see cref="DataFile"/>).</summary>
    public static CountriesData Read(DataObject file)
    {
        file.Members("_comment", "countries");
        return new() { Comment = file.OptionalText("_comment"), Countries = file.Objects("countries", CountryData.Read) };
    }
}

/// <summary>An ISO 3166-1 alpha-2 code with its name and the other names written for it.</summary>
internal sealed record CountryData
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<string>? Aliases { get; init; }

    public static CountryData Read(DataObject country)
    {
        country.Members("code", "name", "aliases");
        return new() { Code = country.Text("code"), Name = country.Text("name"), Aliases = country.OptionalTexts("aliases") };
    }
}
