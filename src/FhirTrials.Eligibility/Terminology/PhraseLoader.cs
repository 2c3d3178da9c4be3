using FhirTrials.Eligibility.Model;

namespace FhirTrials.Eligibility.Terminology;

/// <summary>Adds the phrase lexicon (phrases.json) to the tables.</summary>
internal static class PhraseLoader
{
    public static void Load(LexiconTables tables, PhrasesFile file)
    {
        foreach (var group in file.Comparators)
        {
            var comparator = ParseComparator(group.Comparator, "comparators");
            foreach (var phrase in group.Phrases)
            {
                tables.Comparators.Add(phrase, comparator);
                tables.Terms.Add(phrase, new Term(TermCategory.Comparator) { Comparator = comparator });
            }
        }

        foreach (var group in file.SuffixComparators)
        {
            var comparator = ParseComparator(group.Comparator, "suffixComparators");
            foreach (var phrase in group.Phrases)
            {
                tables.SuffixComparators.Add(phrase, comparator);
            }
        }

        foreach (var group in file.NormalLimits)
        {
            var limit = group.Limit switch
            {
                "upper" => NormalLimit.Upper,
                "lower" => NormalLimit.Lower,
                _ => throw new InvalidDataException($"phrases.json: normalLimits has unknown limit '{group.Limit}'."),
            };
            foreach (var phrase in group.Phrases)
            {
                tables.NormalLimits.Add(phrase, limit, caseSensitive: phrase.Length <= 4 && phrase.All(char.IsUpper));
            }
        }

        AddFlags(tables.LimitMultipliers, file.LimitMultipliers);
        foreach (var group in file.Cues)
        {
            var cue = Enum.TryParse<CueKind>(group.Cue, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidDataException($"phrases.json: cues has unknown cue '{group.Cue}'.");
            TerminologyLoader.AddAll(tables, group.Phrases, new Term(TermCategory.Cue) { Cue = cue }, caseSensitive: false);
        }

        TerminologyLoader.AddAll(tables, file.Sex.Male, new Term(TermCategory.Sex) { Sex = "male" }, caseSensitive: false);
        TerminologyLoader.AddAll(tables, file.Sex.Female, new Term(TermCategory.Sex) { Sex = "female" }, caseSensitive: false);
        TerminologyLoader.AddAll(tables, file.Sex.Keywords, new Term(TermCategory.SexKeyword), caseSensitive: false);
        AddFlags(tables.SexPrefixes, file.Sex.Prefixes);
        AddFlags(tables.SexFollowers, file.Sex.Followers);
        AddFlags(tables.SexBlockers, file.Sex.Blockers);
        TerminologyLoader.AddAll(tables, file.Participation, new Term(TermCategory.Participation), caseSensitive: false);
        TerminologyLoader.AddAll(tables, file.Consent, new Term(TermCategory.Consent), caseSensitive: false);
        TerminologyLoader.AddAll(tables, file.Stop, new Term(TermCategory.Stop), caseSensitive: false);
    }

    private static void AddFlags(Text.PhraseTrie<bool> trie, IEnumerable<string> phrases)
    {
        foreach (var phrase in phrases)
        {
            trie.Add(phrase, true);
        }
    }

    private static Comparator ParseComparator(string? value, string group) => value switch
    {
        "lt" => Comparator.LessThan,
        "le" => Comparator.LessOrEqual,
        "eq" => Comparator.Equal,
        "ge" => Comparator.GreaterOrEqual,
        "gt" => Comparator.GreaterThan,
        _ => throw new InvalidDataException($"phrases.json: {group} has unknown comparator '{value}'."),
    };
}
