using System.Text.Json.Serialization;
using FhirTrials.Fhir.DataFiles;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Tables;

/// <summary>R4 ConceptMap equivalence of a mapped code to its source value.</summary>
[JsonConverter(typeof(StrictEnumConverter<ConceptEquivalence>))]
public enum ConceptEquivalence
{
    [JsonStringEnumMemberName("relatedto")] RelatedTo,
    [JsonStringEnumMemberName("equivalent")] Equivalent,
    [JsonStringEnumMemberName("equal")] Equal,
    [JsonStringEnumMemberName("wider")] Wider,
    [JsonStringEnumMemberName("subsumes")] Subsumes,
    [JsonStringEnumMemberName("narrower")] Narrower,
    [JsonStringEnumMemberName("specializes")] Specializes,
    [JsonStringEnumMemberName("inexact")] Inexact,
    [JsonStringEnumMemberName("unmatched")] Unmatched,
    [JsonStringEnumMemberName("disjoint")] Disjoint,
}

/// <summary>One CT.gov value and the FHIR code it maps to (none when <see cref="Equivalence"/> is unmatched).</summary>
public sealed record MappingRow
{
    /// <summary>CT.gov value, e.g. "UNKNOWN" (phase combinations joined with "+").</summary>
    public required string Source { get; init; }

    /// <summary>CT.gov display text of the value.</summary>
    public required string SourceDisplay { get; init; }

    public string? System { get; init; }

    public string? Code { get; init; }

    public string? Display { get; init; }

    public required ConceptEquivalence Equivalence { get; init; }

    /// <summary>FHIR resource type for the row (ActivityDefinition.kind), where the table has one.</summary>
    public string? Kind { get; init; }

    /// <summary>Why this code was chosen.</summary>
    public string? Comment { get; init; }

    /// <summary>Whether the row names a target code.</summary>
    [JsonIgnore]
    public bool IsMapped => Code is not null;

    internal static MappingRow Read(DataObject row)
    {
        row.Members("source", "sourceDisplay", "system", "code", "display", "equivalence", "kind", "comment");
        return new()
        {
            Source = row.Text("source"),
            SourceDisplay = row.Text("sourceDisplay"),
            System = row.OptionalText("system"),
            Code = row.OptionalText("code"),
            Display = row.OptionalText("display"),
            Equivalence = EnumWire<ConceptEquivalence>.TryParse(row.Text("equivalence"), out var equivalence)
                ? equivalence
                : throw row.Problem("equivalence", "is not an R4 ConceptMap equivalence"),
            Kind = row.OptionalText("kind"),
            Comment = row.OptionalText("comment"),
        };
    }
}

/// <summary>A mapping table file as stored in Tables/Data.</summary>
public sealed record MappingTableData
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Name of the CT.gov enumeration, e.g. "Status".</summary>
    public required string SourceEnumeration { get; init; }

    /// <summary>Code system URI used for the CT.gov values themselves.</summary>
    public required string SourceSystem { get; init; }

    /// <summary>CT.gov API v2 field the values come from.</summary>
    public string? SourceField { get; init; }

    /// <summary>FHIR R4 element the mapped code goes to.</summary>
    public required string TargetElement { get; init; }

    public string? TargetValueSet { get; init; }

    /// <summary>Binding strength of the target element, when bound.</summary>
    public string? TargetBinding { get; init; }

    public required IReadOnlyList<MappingRow> Rows { get; init; }

    /// <summary>Reads a table file (see <see cref="DataFile"/>).</summary>
    internal static MappingTableData Read(DataObject table)
    {
        table.Members("id", "title", "description", "sourceEnumeration", "sourceSystem", "sourceField", "targetElement", "targetValueSet", "targetBinding", "rows");
        return new()
        {
            Id = table.Text("id"),
            Title = table.Text("title"),
            Description = table.OptionalText("description"),
            SourceEnumeration = table.Text("sourceEnumeration"),
            SourceSystem = table.Text("sourceSystem"),
            SourceField = table.OptionalText("sourceField"),
            TargetElement = table.Text("targetElement"),
            TargetValueSet = table.OptionalText("targetValueSet"),
            TargetBinding = table.OptionalText("targetBinding"),
            Rows = table.Objects("rows", MappingRow.Read),
        };
    }
}
