using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Quantities;
using FhirTrials.Eligibility.Terminology;
using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>
/// Everything the extractors share about one item: its tokens, lexicon mentions, clause segments, suppression
/// zones, the tokens already turned into criteria, and the criteria found so far.
/// </summary>
internal sealed partial class ItemContext
{
    /// <summary>The context of the thread, reused item after item (its buffers only grow); null while one is rented.</summary>
    [ThreadStatic]
    private static ItemContext? t_free;

    /// <summary>Per token, 1 + the index of the mention starting there (0: none).</summary>
    private int[] _startingAt = [];

    /// <summary>Per token, 1 + the index of the mention ending there (0: none).</summary>
    private int[] _endingAt = [];
    private int[] _segments = [];
    private int[] _segmentStarts = [];
    private int[] _segmentEnds = [];
    private ZoneFlags[] _zones = [];
    private bool[] _used = [];
    private Mention[] _mentions = new Mention[16];
    private int _mentionCount;

    /// <summary>The tokens of the current item; its buffer is reused item after item.</summary>
    private readonly TokenText _tokens = new("");

    private ItemContext()
    {
        Original = "";
        Lexicon = null!;
        T = null!;
    }

    /// <summary>A context for one item: the thread's reusable one, or a new one while that is rented.</summary>
    /// <remarks>Hand it back with <see cref="Return"/> once the criteria are copied out.</remarks>
    public static ItemContext Rent(string text, CriteriaSection section, string? heading, Lexicon lexicon, int depth)
    {
        var ctx = t_free ?? new ItemContext();
        t_free = null;
        ctx.Initialize(text, section, heading, lexicon, depth);
        return ctx;
    }

    /// <summary>Makes this context the thread's reusable one again.</summary>
    public void Return()
    {
        Criteria.Clear();
        T = null!;
        Original = "";
        Heading = null;
        t_free = this;
    }

    private void Initialize(string text, CriteriaSection section, string? heading, Lexicon lexicon, int depth)
    {
        Original = text;
        Section = section;
        Heading = heading;
        Lexicon = lexicon;
        Depth = depth;
        _tokens.Reset(text);
        T = _tokens;
        var count = T.Count;
        EnsureCapacity(count);
        _mentionCount = MentionScanner.Scan(T, lexicon, ref _mentions);
        Array.Clear(_startingAt, 0, count);
        Array.Clear(_endingAt, 0, count);
        for (var m = 0; m < _mentionCount; m++)
        {
            _startingAt[_mentions[m].Start] = m + 1;
            _endingAt[_mentions[m].End - 1] = m + 1;
        }

        ComputeSegments();
        ComputeZones();
        Array.Clear(_used, 0, count);
        HasTimeUnit = false;
        var tokens = T.Tokens.AsSpan(0, T.Count);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind == TokenKind.Word && lexicon.TimeUnitWords.Contains(T, i))
            {
                HasTimeUnit = true;
                break;
            }
        }
    }

    private void EnsureCapacity(int count)
    {
        if (_used.Length >= count)
        {
            return;
        }

        var size = Math.Max(count, _used.Length * 2);
        _startingAt = new int[size];
        _endingAt = new int[size];
        _segments = new int[size];
        _segmentStarts = new int[size];
        _segmentEnds = new int[size];
        _zones = new ZoneFlags[size];
        _used = new bool[size];
    }

    public string Original { get; private set; }

    public CriteriaSection Section { get; private set; }

    public string? Heading { get; private set; }

    /// <summary>0 for top-level items; sub-items describe sub-groups and carry no sex restriction.</summary>
    public int Depth { get; private set; }

    public Lexicon Lexicon { get; private set; }

    public TokenText T { get; private set; }

    public ReadOnlySpan<Mention> Mentions => _mentions.AsSpan(0, _mentionCount);

    /// <summary>Clause segment of each token (split at ';' and sentence ends).</summary>
    public ReadOnlySpan<int> Segment => _segments.AsSpan(0, T.Count);

    public ReadOnlySpan<ZoneFlags> Zones => _zones.AsSpan(0, T.Count);

    public Span<bool> Used => _used.AsSpan(0, T.Count);

    /// <summary>The item names a time unit; without one it has no age in years and no time window.</summary>
    public bool HasTimeUnit { get; private set; }

    public List<StructuredCriterion> Criteria { get; } = [];

    /// <summary>A list the running extractor fills with the thresholds of one mention group (cleared by each use).</summary>
    public List<Threshold> Thresholds { get; } = [];

    /// <summary>The time windows found in the item (filled by the time-window extractor).</summary>
    public List<FoundWindow> Windows { get; } = [];

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
            _used[i] = true;
        }
    }

    public bool AnyUsed(int start, int end)
    {
        for (var i = Math.Max(0, start); i < Math.Min(end, T.Count); i++)
        {
            if (_used[i])
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
            if ((_zones[i] & flags) != 0)
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
        (uint)token < (uint)T.Count && _startingAt[token] > 0 ? _mentions[_startingAt[token] - 1] : null;

    /// <summary>The mention whose last token is <paramref name="token"/>, if any.</summary>
    public Mention? MentionEndingAt(int token) =>
        (uint)token < (uint)T.Count && _endingAt[token] > 0 ? _mentions[_endingAt[token] - 1] : null;

    /// <summary>
    /// True when a criterion of <paramref name="kind"/> exists, with the polarity <paramref name="exclude"/> and the
    /// code <paramref name="code"/> when those are given.
    /// </summary>
    public bool HasCriterion(CriterionKind kind, bool? exclude = null, Coding? code = null)
    {
        foreach (var criterion in Criteria)
        {
            if (criterion.Kind == kind && (exclude is null || criterion.Exclude == exclude) && (code is null || criterion.Code == code))
            {
                return true;
            }
        }

        return false;
    }

    public bool Exclude(bool negated) => IsExclusion ^ negated;

    public StructuredCriterion Add(StructuredCriterion criterion)
    {
        Criteria.Add(criterion);
        return criterion;
    }
}
