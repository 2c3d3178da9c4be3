using System.Text.Json.Serialization;

namespace FhirTrials.Eligibility.Matching.Knowledge;

// Shapes of the embedded data files in Matching/Data (read once, see MatchingKnowledge).
internal sealed class MatcherUnitsFile
{
    public List<MatcherUnitRow> Units { get; set; } = [];
}

internal sealed class MatcherUnitRow
{
    public string Ucum { get; set; } = "";
    public string Dimension { get; set; } = "";
    public double Factor { get; set; } = 1;
}

internal sealed class AnalytesFile
{
    public List<AnalyteRow> Analytes { get; set; } = [];
}

internal sealed class AnalyteRow
{
    public string Name { get; set; } = "";
    public List<string> Codes { get; set; } = [];
    public decimal? MolarMass { get; set; }
}

internal sealed class ConceptsFile
{
    public List<ConceptRow> Concepts { get; set; } = [];
}

internal sealed class ConceptRow
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Presence { get; set; }
    public bool Current { get; set; }
    public int? EvidenceDays { get; set; }
    public List<string> NotForGender { get; set; } = [];
    public List<ConceptObservationRow> Observations { get; set; } = [];
    public List<string> Descendants { get; set; } = [];
    public List<string> PossibleDescendants { get; set; } = [];
}

internal sealed class ConceptObservationRow
{
    public string Code { get; set; } = "";
    public List<string> Present { get; set; } = [];
    public List<string> Absent { get; set; } = [];
}

internal sealed class ResultsFile
{
    public List<string> Positive { get; set; } = [];
    public List<string> Negative { get; set; } = [];
    public List<string> Indeterminate { get; set; } = [];
    public List<string> PositiveWords { get; set; } = [];
    public List<string> NegativeWords { get; set; } = [];
}

internal sealed class TherapiesFile
{
    public List<TherapyRow> Therapies { get; set; } = [];
}

internal sealed class TherapyRow
{
    public List<string> Phrases { get; set; } = [];
    public List<string> Atc { get; set; } = [];
    public List<string> Codes { get; set; } = [];
}

internal sealed class JoinersFile
{
    public List<string> Alternatives { get; set; } = [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(MatcherUnitsFile))]
[JsonSerializable(typeof(AnalytesFile))]
[JsonSerializable(typeof(ConceptsFile))]
[JsonSerializable(typeof(ResultsFile))]
[JsonSerializable(typeof(TherapiesFile))]
[JsonSerializable(typeof(JoinersFile))]
internal sealed partial class MatchingJsonContext : JsonSerializerContext;
