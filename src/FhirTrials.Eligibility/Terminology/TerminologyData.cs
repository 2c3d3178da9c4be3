using FhirTrials.Fhir.DataFiles;

namespace FhirTrials.Eligibility.Terminology;

// Shapes of the embedded data files in Terminology/Data (read once, see TerminologyLoader): each row type reads
// itself from its JSON object (DataFile); a member left out takes the default written here.
internal sealed class UnitsFile
{
    public List<UnitRow> Units { get; set; } = [];

    public static UnitsFile Read(DataObject file) =>
        new() { Units = file.Members("_comment", "units").OptionalObjects("units", UnitRow.Read) ?? [] };
}

internal sealed class UnitRow
{
    public string Ucum { get; set; } = "";
    public string Dimension { get; set; } = "";
    public double Factor { get; set; } = 1;
    public List<string> Spellings { get; set; } = [];
    public bool CaseSensitive { get; set; }

    public static UnitRow Read(DataObject row)
    {
        row.Members("ucum", "dimension", "factor", "spellings", "caseSensitive");
        return new()
        {
            Ucum = row.OptionalText("ucum") ?? "",
            Dimension = row.OptionalText("dimension") ?? "",
            Factor = row.Number("factor", 1),
            Spellings = row.OptionalTexts("spellings") ?? [],
            CaseSensitive = row.Flag("caseSensitive"),
        };
    }
}

internal sealed class MeasurementsFile
{
    public List<MeasurementRow> Measurements { get; set; } = [];

    public static MeasurementsFile Read(DataObject file) =>
        new() { Measurements = file.Members("_comment", "measurements").OptionalObjects("measurements", MeasurementRow.Read) ?? [] };
}

internal sealed class MeasurementRow
{
    public string Key { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Code { get; set; } = "";
    public string Display { get; set; } = "";
    public string? Unit { get; set; }
    public List<string> Dimensions { get; set; } = [];
    public List<AlternateRow> Alternates { get; set; } = [];
    public string? ImpliedRate { get; set; }
    public bool RequiresUnit { get; set; }
    public string? SlashPair { get; set; }
    public List<string> Synonyms { get; set; } = [];
    public List<string> CaseSensitive { get; set; } = [];

    public static MeasurementRow Read(DataObject row)
    {
        row.Members("key", "kind", "code", "display", "unit", "dimensions", "alternates", "impliedRate", "requiresUnit", "slashPair", "synonyms", "caseSensitive");
        return new()
        {
            Key = row.OptionalText("key") ?? "",
            Kind = row.OptionalText("kind") ?? "",
            Code = row.OptionalText("code") ?? "",
            Display = row.OptionalText("display") ?? "",
            Unit = row.OptionalText("unit"),
            Dimensions = row.OptionalTexts("dimensions") ?? [],
            Alternates = row.OptionalObjects("alternates", AlternateRow.Read) ?? [],
            ImpliedRate = row.OptionalText("impliedRate"),
            RequiresUnit = row.Flag("requiresUnit"),
            SlashPair = row.OptionalText("slashPair"),
            Synonyms = row.OptionalTexts("synonyms") ?? [],
            CaseSensitive = row.OptionalTexts("caseSensitive") ?? [],
        };
    }
}

internal sealed class AlternateRow
{
    public string Dimension { get; set; } = "";
    public string Code { get; set; } = "";
    public string Display { get; set; } = "";

    public static AlternateRow Read(DataObject row)
    {
        row.Members("dimension", "code", "display");
        return new() { Dimension = row.OptionalText("dimension") ?? "", Code = row.OptionalText("code") ?? "", Display = row.OptionalText("display") ?? "" };
    }
}

internal sealed class ConditionsFile
{
    public List<ConditionRow> Conditions { get; set; } = [];

    public static ConditionsFile Read(DataObject file) =>
        new() { Conditions = file.Members("_comment", "conditions").OptionalObjects("conditions", ConditionRow.Read) ?? [] };
}

internal sealed class ConditionRow
{
    public string Key { get; set; } = "";
    public string Category { get; set; } = "";
    public string Code { get; set; } = "";
    public string Display { get; set; } = "";
    public List<string> Synonyms { get; set; } = [];
    public List<string> NegatedSynonyms { get; set; } = [];
    public List<string> CaseSensitive { get; set; } = [];

    public static ConditionRow Read(DataObject row)
    {
        row.Members("key", "category", "code", "display", "synonyms", "negatedSynonyms", "caseSensitive");
        return new()
        {
            Key = row.OptionalText("key") ?? "",
            Category = row.OptionalText("category") ?? "",
            Code = row.OptionalText("code") ?? "",
            Display = row.OptionalText("display") ?? "",
            Synonyms = row.OptionalTexts("synonyms") ?? [],
            NegatedSynonyms = row.OptionalTexts("negatedSynonyms") ?? [],
            CaseSensitive = row.OptionalTexts("caseSensitive") ?? [],
        };
    }
}

internal sealed class ScoresFile
{
    public List<ScoreRow> Scores { get; set; } = [];

    public static ScoresFile Read(DataObject file) =>
        new() { Scores = file.Members("_comment", "scores").OptionalObjects("scores", ScoreRow.Read) ?? [] };
}

internal sealed class ScoreRow
{
    public string Key { get; set; } = "";
    public string System { get; set; } = "";
    public string Code { get; set; } = "";
    public string Display { get; set; } = "";
    public decimal Min { get; set; }
    public decimal Max { get; set; }
    public bool Roman { get; set; }
    public string? Unit { get; set; }
    public List<string> Synonyms { get; set; } = [];
    public List<string> CaseSensitive { get; set; } = [];

    public static ScoreRow Read(DataObject row)
    {
        row.Members("key", "system", "code", "display", "min", "max", "roman", "unit", "synonyms", "caseSensitive");
        return new()
        {
            Key = row.OptionalText("key") ?? "",
            System = row.OptionalText("system") ?? "",
            Code = row.OptionalText("code") ?? "",
            Display = row.OptionalText("display") ?? "",
            Min = row.Decimal("min", 0),
            Max = row.Decimal("max", 0),
            Roman = row.Flag("roman"),
            Unit = row.OptionalText("unit"),
            Synonyms = row.OptionalTexts("synonyms") ?? [],
            CaseSensitive = row.OptionalTexts("caseSensitive") ?? [],
        };
    }
}

internal sealed class PhrasesFile
{
    public List<PhraseGroupRow> Comparators { get; set; } = [];
    public List<PhraseGroupRow> SuffixComparators { get; set; } = [];
    public List<PhraseGroupRow> NormalLimits { get; set; } = [];
    public List<string> LimitMultipliers { get; set; } = [];
    public List<PhraseGroupRow> Cues { get; set; } = [];
    public SexRow Sex { get; set; } = new();
    public List<string> Participation { get; set; } = [];
    public List<string> Consent { get; set; } = [];
    public List<string> Stop { get; set; } = [];
    public Dictionary<string, decimal> NumberWords { get; set; } = [];

    public static PhrasesFile Read(DataObject file)
    {
        file.Members("_comment", "comparators", "suffixComparators", "normalLimits", "limitMultipliers", "cues", "sex", "participation", "consent", "stop", "numberWords");
        return new()
        {
            Comparators = file.OptionalObjects("comparators", PhraseGroupRow.Read) ?? [],
            SuffixComparators = file.OptionalObjects("suffixComparators", PhraseGroupRow.Read) ?? [],
            NormalLimits = file.OptionalObjects("normalLimits", PhraseGroupRow.Read) ?? [],
            LimitMultipliers = file.OptionalTexts("limitMultipliers") ?? [],
            Cues = file.OptionalObjects("cues", PhraseGroupRow.Read) ?? [],
            Sex = SexRow.Read(file.Object("sex")),
            Participation = file.OptionalTexts("participation") ?? [],
            Consent = file.OptionalTexts("consent") ?? [],
            Stop = file.OptionalTexts("stop") ?? [],
            NumberWords = file.Decimals("numberWords"),
        };
    }
}

internal sealed class PhraseGroupRow
{
    public string? Comparator { get; set; }
    public string? Limit { get; set; }
    public string? Cue { get; set; }
    public List<string> Phrases { get; set; } = [];

    public static PhraseGroupRow Read(DataObject row)
    {
        row.Members("comparator", "limit", "cue", "phrases");
        return new()
        {
            Comparator = row.OptionalText("comparator"),
            Limit = row.OptionalText("limit"),
            Cue = row.OptionalText("cue"),
            Phrases = row.OptionalTexts("phrases") ?? [],
        };
    }
}

internal sealed class SexRow
{
    public List<string> Male { get; set; } = [];
    public List<string> Female { get; set; } = [];
    public List<string> Keywords { get; set; } = [];
    public List<string> Prefixes { get; set; } = [];
    public List<string> Followers { get; set; } = [];
    public List<string> Blockers { get; set; } = [];

    public static SexRow Read(DataObject row)
    {
        row.Members("male", "female", "keywords", "prefixes", "followers", "blockers");
        return new()
        {
            Male = row.OptionalTexts("male") ?? [],
            Female = row.OptionalTexts("female") ?? [],
            Keywords = row.OptionalTexts("keywords") ?? [],
            Prefixes = row.OptionalTexts("prefixes") ?? [],
            Followers = row.OptionalTexts("followers") ?? [],
            Blockers = row.OptionalTexts("blockers") ?? [],
        };
    }
}
