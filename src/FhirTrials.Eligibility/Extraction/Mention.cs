using FhirTrials.Eligibility.Terminology;
using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>A lexicon phrase found in an item: its meaning and its token range [Start, End).</summary>
internal readonly record struct Mention(Term Term, int Start, int End)
{
    public TermCategory Category => Term.Category;

    public bool IsCue(CueKind kind) => Term.Category == TermCategory.Cue && Term.Cue == kind;
}

/// <summary>Finds lexicon phrases left to right, longest first, without overlaps.</summary>
internal static class MentionScanner
{
    /// <summary>Writes the mentions of <paramref name="t"/> to <paramref name="found"/> (grown as needed); returns their number.</summary>
    public static int Scan(TokenText t, Lexicon lexicon, ref Mention[] found)
    {
        var count = 0;
        var i = 0;
        var terms = lexicon.Terms;
        while (i < t.Count)
        {
            var entries = terms.Match(t, i, out var end);
            if (entries is null)
            {
                i++;
                continue;
            }

            var best = entries[0].Value;
            foreach (var entry in entries)
            {
                if (entry.Value.Category < best.Category)
                {
                    best = entry.Value;
                }
            }

            if (count == found.Length)
            {
                Array.Resize(ref found, count * 2);
            }

            found[count++] = new Mention(best, i, end);
            i = end;
        }

        return count;
    }
}
