using FhirTrials.Eligibility.Matching.Units;
using FhirTrials.Eligibility.Terminology;

namespace FhirTrials.Eligibility.Matching.Knowledge;

/// <summary>
/// The matcher's tables, read once from the embedded data files (Matching/Data) and the criteria
/// terminology (Terminology/Data): units, analytes, condition concepts, result codes, therapies, joiners.
/// </summary>
internal sealed partial class MatchingKnowledge
{
    private static readonly Lazy<MatchingKnowledge> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<CodeKey, Analyte> _analytes;
    private readonly Dictionary<CodeKey, ConceptInfo> _concepts;
    private readonly Dictionary<string, TherapyInfo> _therapies;

    private MatchingKnowledge(
        UnitCatalog units,
        Dictionary<CodeKey, Analyte> analytes,
        Dictionary<CodeKey, ConceptInfo> concepts,
        HashSet<CodeKey> knownConditions,
        ResultCodes results,
        Dictionary<string, TherapyInfo> therapies,
        HashSet<string> joiners,
        HashSet<CodeKey> scores)
    {
        Units = units;
        _analytes = analytes;
        _concepts = concepts;
        KnownConditions = knownConditions;
        Results = results;
        _therapies = therapies;
        Joiners = joiners;
        Scores = scores;
    }

    public static MatchingKnowledge Default => LazyDefault.Value;

    public UnitCatalog Units { get; }

    /// <summary>Condition codes whose relations to the other known codes are curated (conditions.json and concepts.json).</summary>
    public IReadOnlySet<CodeKey> KnownConditions { get; }

    public ResultCodes Results { get; }

    /// <summary>Words that join alternatives in an inclusion item (joiners.json), lower case.</summary>
    public IReadOnlySet<string> Joiners { get; }

    /// <summary>The codes of scores (scores.json): compared as numbers without units.</summary>
    public IReadOnlySet<CodeKey> Scores { get; }

    public Analyte? Analyte(CodeKey code) => _analytes.GetValueOrDefault(code);

    public ConceptInfo? Concept(CodeKey code) => _concepts.GetValueOrDefault(code);

    /// <summary>The therapy named by <paramref name="words"/> (normalised: lower case, single spaces), or null.</summary>
    public TherapyInfo? Therapy(string words) => _therapies.GetValueOrDefault(NormalisePhrase(words));

    public static string NormalisePhrase(string words) =>
        string.Join(' ', words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>The Lexicon's condition category of <paramref name="code"/>, if the criteria parser knows it.</summary>
    public static ConditionCategory? CategoryOf(CodeKey code) =>
        Lexicon.Default.Conditions.FirstOrDefault(c => c.Code.System == code.System && c.Code.Code == code.Code)?.Category;
}
