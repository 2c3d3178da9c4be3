using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Terminology;

/// <summary>
/// The phrase tables of the criteria reader, built once from the embedded data files
/// (see <see cref="TerminologyLoader"/>).
/// </summary>
internal sealed class Lexicon
{
    private static readonly Lazy<Lexicon> LazyDefault = new(TerminologyLoader.Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly WordTable _numberWords = new();
    private readonly decimal[] _numberValues;

    internal Lexicon(
        LexiconTables tables,
        IReadOnlyDictionary<string, decimal> numberWords)
    {
        Terms = tables.Terms.Freeze();
        Comparators = tables.Comparators.Freeze();
        SuffixComparators = tables.SuffixComparators.Freeze();
        NormalLimits = tables.NormalLimits.Freeze();
        LimitMultipliers = tables.LimitMultipliers.Freeze();
        SexPrefixes = tables.SexPrefixes.Freeze();
        SexFollowers = tables.SexFollowers.Freeze();
        SexBlockers = tables.SexBlockers.Freeze();
        Units = tables.Units;
        Measurements = tables.Measurements;
        Conditions = tables.Conditions;
        Scores = tables.Scores;
        TimeUnitWords = tables.TimeUnitWords;
        YearUnitInitials = [.. tables.YearUnitInitials];
        _numberValues = new decimal[numberWords.Count];
        foreach (var (word, value) in numberWords)
        {
            if (_numberWords.Add(word) != _numberWords.Count - 1)
            {
                throw new InvalidDataException($"phrases.json: numberWords lists '{word}' twice (case-insensitive).");
            }

            _numberValues[_numberWords.Count - 1] = value;
        }
    }

    /// <summary>The lexicon of the embedded data files.</summary>
    public static Lexicon Default => LazyDefault.Value;

    /// <summary>Measurements, scores, conditions, cues, comparators, sex words and other mention phrases.</summary>
    public PhraseTrie<Term> Terms { get; }

    public PhraseTrie<Comparator> Comparators { get; }

    public PhraseTrie<Comparator> SuffixComparators { get; }

    public PhraseTrie<NormalLimit> NormalLimits { get; }

    public PhraseTrie<bool> LimitMultipliers { get; }

    public PhraseTrie<bool> SexPrefixes { get; }

    public PhraseTrie<bool> SexFollowers { get; }

    public PhraseTrie<bool> SexBlockers { get; }

    public UnitTable Units { get; }

    public IReadOnlyList<MeasurementDefinition> Measurements { get; }

    public IReadOnlyList<ConditionDefinition> Conditions { get; }

    public IReadOnlyList<ScoreDefinition> Scores { get; }

    /// <summary>Spelled time units ("weeks", "mo", "years").</summary>
    public WordTable TimeUnitWords { get; }

    /// <summary>
    /// The first characters (lower case) of the spellings of years ("y" of "years", "yo", "y/o"): a text whose tokens
    /// start with none of them has no quantity in years, since a unit is read from a token start.
    /// </summary>
    public char[] YearUnitInitials { get; }

    /// <summary>The value of a spelled number ("two", "twelve") at token <paramref name="index"/>.</summary>
    public bool TryGetNumberWord(TokenText t, int index, out decimal value)
    {
        var found = (uint)index < (uint)t.Count ? _numberWords.IndexOf(t.Span(index), t.Tokens[index].Hash) : -1;
        value = found < 0 ? 0 : _numberValues[found];
        return found >= 0;
    }
}

/// <summary>The mutable tables the loader fills before the lexicon freezes them.</summary>
internal sealed class LexiconTables
{
    public PhraseTrie<Term> Terms { get; } = new();

    public PhraseTrie<Comparator> Comparators { get; } = new();

    public PhraseTrie<Comparator> SuffixComparators { get; } = new();

    public PhraseTrie<NormalLimit> NormalLimits { get; } = new();

    public PhraseTrie<bool> LimitMultipliers { get; } = new();

    public PhraseTrie<bool> SexPrefixes { get; } = new();

    public PhraseTrie<bool> SexFollowers { get; } = new();

    public PhraseTrie<bool> SexBlockers { get; } = new();

    public UnitTable Units { get; } = new();

    public List<MeasurementDefinition> Measurements { get; } = [];

    public List<ConditionDefinition> Conditions { get; } = [];

    public List<ScoreDefinition> Scores { get; } = [];

    public WordTable TimeUnitWords { get; } = new();

    public HashSet<char> YearUnitInitials { get; } = [];
}
