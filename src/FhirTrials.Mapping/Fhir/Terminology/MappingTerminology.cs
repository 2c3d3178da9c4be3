using FhirTrials.Fhir.DataFiles;
using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tables;

namespace FhirTrials.Mapping.Fhir;

/// <summary>
/// The data the FHIR mappers use besides the CT.gov tables: Fhir/Data/codes.json (FhirTrials and HL7
/// codes by record key), countries.json (ISO 3166) and official-role.json (a CT.gov table in the
/// <see cref="MappingTableData"/> format). Loaded once.
/// </summary>
internal sealed class MappingTerminology
{
    private const string ResourcePrefix = "FhirTrials.Mapping.Fhir.";
    private static readonly Lazy<MappingTerminology> Shared = new(() => new MappingTerminology(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Dictionary<string, CodeSection> _sections;
    private readonly Dictionary<string, CountryData> _countries;

    private MappingTerminology()
    {
        var codes = Read("codes", CodeSectionsData.Read);
        _sections = codes.Sections.ToDictionary(s => s.Id, s => new CodeSection(s), StringComparer.Ordinal);
        var countries = Read("countries", CountriesData.Read);
        _countries = countries.Countries
            .SelectMany(c => (c.Aliases ?? []).Prepend(c.Name).Select(name => (name, c)))
            .ToDictionary(p => p.name, p => p.c, StringComparer.OrdinalIgnoreCase);
        OfficialRole = new MappingTable<OfficialRole>(Read("official-role", MappingTableData.Read), ResourcePrefix + "official-role.json");
    }

    public static MappingTerminology Default => Shared.Value;

    /// <summary>CT.gov official role to the R5 research-study-party-role codes.</summary>
    public MappingTable<OfficialRole> OfficialRole { get; }

    public CodeSection IdentifierType => _sections["identifier-type"];

    public CodeSection StudyMilestone => _sections["study-milestone"];

    public CodeSection TimingAnchor => _sections["timing-anchor"];

    public CodeSection TimeWindowRelation => _sections["time-window-relation"];

    public CodeSection Eligibility => _sections["eligibility"];

    public CodeSection ObjectiveType => _sections["objective-type"];

    public CodeSection PartyRole => _sections["party-role"];

    public CodeSection TitleType => _sections["title-type"];

    /// <summary>The ISO 3166 coding of a country name as CT.gov writes it (ignoring case), or null.</summary>
    public FhirTrials.Fhir.Model.Coding? Country(string name) =>
        _countries.TryGetValue(name, out var country) ? new() { System = SystemUris.Iso3166, Code = country.Code, Display = country.Name } : null;

    private static T Read<T>(string id, Func<DataObject, T> read) =>
        DataFile.ReadEmbedded(typeof(MappingTerminology).Assembly, ResourcePrefix + id + ".json", read);
}

/// <summary>A section of codes.json: record keys to codings of one system, and back.</summary>
internal sealed class CodeSection
{
    private readonly Dictionary<string, CodeEntryData> _byKey;
    private readonly Dictionary<string, CodeEntryData> _byCode;

    public CodeSection(CodeSectionData data)
    {
        System = data.System;
        Entries = data.Codes;
        _byKey = data.Codes.ToDictionary(c => c.Key, StringComparer.Ordinal);
        _byCode = data.Codes.ToDictionary(c => c.Code, StringComparer.Ordinal);
    }

    public string System { get; }

    public IReadOnlyList<CodeEntryData> Entries { get; }

    public CodeEntryData Entry(string key) => _byKey[key];

    /// <summary>The coding for a record key.</summary>
    public FhirTrials.Fhir.Model.Coding Coding(string key)
    {
        var entry = _byKey[key];
        return new() { System = System, Code = entry.Code, Display = entry.Display };
    }

    /// <summary>The record key of a coding of this section's system, or null.</summary>
    public string? Key(FhirTrials.Fhir.Model.Coding? coding) =>
        coding is not null && string.Equals(coding.System, System, StringComparison.Ordinal) && coding.Code is { } code && _byCode.TryGetValue(code, out var entry)
            ? entry.Key
            : null;

    /// <summary>The record key of the first coding of <paramref name="concept"/> in this section's system, or null.</summary>
    public string? Key(CodeableConcept? concept) => concept?.Coding.Select(Key).FirstOrDefault(k => k is not null);
}
