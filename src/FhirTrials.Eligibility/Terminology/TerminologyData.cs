using System.Text.Json.Serialization;

namespace FhirTrials.Eligibility.Terminology;

// Shapes of the embedded data files in Terminology/Data (read once, see TerminologyLoader).
internal sealed class UnitsFile
{
    public List<UnitRow> Units { get; set; } = [];
}

internal sealed class UnitRow
{
    public string Ucum { get; set; } = "";
    public string Dimension { get; set; } = "";
    public double Factor { get; set; } = 1;
    public List<string> Spellings { get; set; } = [];
    public bool CaseSensitive { get; set; }
}

internal sealed class MeasurementsFile
{
    public List<MeasurementRow> Measurements { get; set; } = [];
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
}

internal sealed class AlternateRow
{
    public string Dimension { get; set; } = "";
    public string Code { get; set; } = "";
    public string Display { get; set; } = "";
}

internal sealed class ConditionsFile
{
    public List<ConditionRow> Conditions { get; set; } = [];
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
}

internal sealed class ScoresFile
{
    public List<ScoreRow> Scores { get; set; } = [];
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
}

internal sealed class PhraseGroupRow
{
    public string? Comparator { get; set; }
    public string? Limit { get; set; }
    public string? Cue { get; set; }
    public List<string> Phrases { get; set; } = [];
}

internal sealed class SexRow
{
    public List<string> Male { get; set; } = [];
    public List<string> Female { get; set; } = [];
    public List<string> Keywords { get; set; } = [];
    public List<string> Prefixes { get; set; } = [];
    public List<string> Followers { get; set; } = [];
    public List<string> Blockers { get; set; } = [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(UnitsFile))]
[JsonSerializable(typeof(MeasurementsFile))]
[JsonSerializable(typeof(ConditionsFile))]
[JsonSerializable(typeof(ScoresFile))]
[JsonSerializable(typeof(PhrasesFile))]
internal sealed partial class TerminologyJsonContext : JsonSerializerContext;
