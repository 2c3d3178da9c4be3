using System.Buffers;
using System.Text.RegularExpressions;
using FhirTrials.Eligibility.Model;

namespace FhirTrials.Eligibility.Splitting;

/// <summary>A heading line: the list it starts, the heading text, and text written after its colon.</summary>
internal sealed record HeadingMatch(CriteriaSection Section, string Heading, string Remainder);

/// <summary>
/// Recognises inclusion/exclusion headings in their real spellings: "Inclusion Criteria:", "Key inclusion
/// criteria", "INCLUSION CRITERIA", "Inclusion:", "Exclusion Citeria:", "Non-inclusion criteria:",
/// "Criteria for exclusion", "Exclusion standard", "Other Exclusions", "Exclusion Criteria:Patients with...".
/// Notes such as "Other protocol-defined inclusion/exclusion criteria apply" are not headings.
/// </summary>
internal static partial class HeadingClassifier
{
    private const int MaxWordsWithColon = 10;
    private const int MaxWordsWithoutColon = 8;

    /// <summary>
    /// Every text <see cref="Keyword"/> matches contains one of these (one vectorised scan, also without ICU); they are
    /// as long as the keyword allows, so item lines saying "including", "eligible" or "enrolled" are not classified.
    /// </summary>
    private static readonly SearchValues<string> HeadingKeywordParts =
        SearchValues.Create(["clusion", "eligibility", "entry", "selection", "enrolment", "enrollment"], StringComparison.OrdinalIgnoreCase);

    private static readonly char[] Decoration = ['*', '_', '#', ' '];
    private static readonly char[] Emphasis = ['*', '_', ' '];
    private static readonly char[] EmphasisMarks = ['*', '_'];
    private static readonly char[] Colons = [':', '\uFF1A'];

    public static HeadingMatch? Classify(string line)
    {
        if (!MayBeHeading(line))
        {
            return null;
        }

        var text = line.Trim().Trim(Decoration);
        if (text.Length == 0 || text.Length > 160)
        {
            return null;
        }

        var colon = text.IndexOfAny(Colons);
        var head = (colon >= 0 ? text[..colon] : text).Trim().Trim(Emphasis);
        var remainder = colon >= 0 ? text[(colon + 1)..].Trim().Trim(EmphasisMarks).Trim() : "";
        if (head.Length == 0 || !Keyword().IsMatch(head) || Note().IsMatch(head))
        {
            return null;
        }

        var isExclusion = Exclusion().IsMatch(head);
        if (isExclusion && Inclusion().IsMatch(head))
        {
            return null;
        }

        var words = WordCount(head);
        if (colon >= 0 ? words > MaxWordsWithColon : (words > MaxWordsWithoutColon || !CriteriaWord().IsMatch(head) || head.EndsWith('.')))
        {
            return null;
        }

        var heading = colon >= 0 ? text[..(colon + 1)].Trim() : text;
        return new HeadingMatch(isExclusion ? CriteriaSection.Exclusion : CriteriaSection.Inclusion, heading, remainder);
    }

    /// <summary>Cheap test before the regular expressions: every heading keyword contains one of these.</summary>
    public static bool MayBeHeading(string line) => line.Length <= 200 && HasKeywordPart(line);

    /// <summary>True when <paramref name="text"/> holds a part of a heading keyword; a text without one holds no heading.</summary>
    public static bool HasKeywordPart(ReadOnlySpan<char> text) => text.ContainsAny(HeadingKeywordParts);

    private static int WordCount(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = !char.IsWhiteSpace(c);
            if (letter && !inWord)
            {
                count++;
            }

            inWord = letter;
        }

        return count;
    }

    [GeneratedRegex(@"\b(?:non[- ]?inclusions?|inclusions?|exclusions?|exclusionary|(?:eligibility|entry|selection|enrol(?:l)?ment)\s+(?:criteria|criterion|requirements?))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Keyword();

    [GeneratedRegex(@"\b(?:exclu\w*|non[- ]?inclusions?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Exclusion();

    [GeneratedRegex(@"(?<!non[- ]?)\binclusions?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Inclusion();

    [GeneratedRegex(@"\b(?:criteria|criterion|citeria|criteriar|critera|criterias|inclusions?|exclusions?|standards?)\b|^\W*(?:key|main|major|other|additional|general|specific)?\s*(?:inclusion|exclusion)\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CriteriaWord();

    [GeneratedRegex(@"\b(?:apply|applied|applies|may|could|might|will|note|meets?|met|must|should|is|are|have|has|eligible|see|refer|listed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Note();
}
