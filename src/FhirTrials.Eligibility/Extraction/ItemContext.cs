using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Terminology;
using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>
/// Everything the extractors share about one item: its tokens, lexicon mentions, clause segments, suppression
/// zones, the tokens already turned into criteria, and the criteria found so far.
/// </summary>
internal sealed partial class ItemContext
{
    /// <summary>Per token, 1 + the index of the mention starting there (0: none).</summary>
    private readonly int[] _startingAt;

    /// <summary>Per token, 1 + the index of the mention ending there (0: none).</summary>
    private readonly int[] _endingAt;
    private readonly int[] _segmentStarts;
    private readonly int[] _segmentEnds;

    public ItemContext(string text, CriteriaSection section, string? heading, Lexicon lexicon)
    {
        Original = text;
        Section = section;
        Heading = heading;
        Lexicon = lexicon;
        T = new TokenText(text);
        Mentions = MentionScanner.Scan(T, lexicon);
        _startingAt = new int[T.Count];
        _endingAt = new int[T.Count];
        for (var m = 0; m < Mentions.Length; m++)
        {
            _startingAt[Mentions[m].Start] = m + 1;
            _endingAt[Mentions[m].End - 1] = m + 1;
        }

        Segment = ComputeSegments(out _segmentStarts, out _segmentEnds);
        Zones = ComputeZones();
        Used = new bool[T.Count];
        for (var i = 0; i < T.Count; i++)
        {
            if (T.Tokens[i].Kind == TokenKind.Word && lexicon.TimeUnitWords.Contains(T, i))
            {
                HasTimeUnit = true;
                break;
            }
        }
    }

    public string Original { get; }

    public CriteriaSection Section { get; }

    public string? Heading { get; }

    /// <summary>0 for top-level items; sub-items describe sub-groups and carry no sex restriction.</summary>
    public int Depth { get; init; }

    public Lexicon Lexicon { get; }

    public TokenText T { get; }

    public Mention[] Mentions { get; }

    /// <summary>Clause segment of each token (split at ';' and sentence ends).</summary>
    public int[] Segment { get; }

    public ZoneFlags[] Zones { get; }

    public bool[] Used { get; }

    /// <summary>The item names a time unit; without one it has no age in years and no time window.</summary>
    public bool HasTimeUnit { get; }

    public List<StructuredCriterion> Criteria { get; } = [];

    public bool IsExclusion => Section == CriteriaSection.Exclusion;

    /// <summary>The source span covering tokens [start, end).</summary>
    public SourceSpan Span(int start, int end)
    {
        if (end <= start || start >= T.Count)
        {
            return new SourceSpan(0, 0, "");
        }

        var from = T.Tokens[start].Start;
        var to = T.Tokens[Math.Min(end, T.Count) - 1].End;
        return new SourceSpan(from, to - from, Original[from..to]);
    }

    public void MarkUsed(int start, int end)
    {
        for (var i = Math.Max(0, start); i < Math.Min(end, T.Count); i++)
        {
            Used[i] = true;
        }
    }

    public bool AnyUsed(int start, int end)
    {
        for (var i = Math.Max(0, start); i < Math.Min(end, T.Count); i++)
        {
            if (Used[i])
            {
                return true;
            }
        }

        return false;
    }

    public bool InZone(int start, int end, ZoneFlags flags)
    {
        for (var i = Math.Max(0, start); i < Math.Min(end, T.Count); i++)
        {
            if ((Zones[i] & flags) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>First token of the segment holding <paramref name="token"/>.</summary>
    public int SegmentStart(int token) => _segmentStarts[Segment[token]];

    /// <summary>Token after the segment holding <paramref name="token"/>.</summary>
    public int SegmentEnd(int token) => _segmentEnds[Segment[token]];

    /// <summary>The mention starting at <paramref name="token"/>, if any.</summary>
    public Mention? MentionAt(int token) =>
        (uint)token < (uint)_startingAt.Length && _startingAt[token] > 0 ? Mentions[_startingAt[token] - 1] : null;

    /// <summary>The mention whose last token is <paramref name="token"/>, if any.</summary>
    public Mention? MentionEndingAt(int token) =>
        (uint)token < (uint)_endingAt.Length && _endingAt[token] > 0 ? Mentions[_endingAt[token] - 1] : null;

    public bool Exclude(bool negated) => IsExclusion ^ negated;

    public StructuredCriterion Add(StructuredCriterion criterion)
    {
        Criteria.Add(criterion);
        return criterion;
    }
}
