using FhirTrials.Eligibility.Model;

namespace FhirTrials.Eligibility.Splitting;

/// <summary>Labels, demoted headings and the state of the line loop.</summary>
internal static partial class CriteriaSplitter
{
    private const int MaxLabelWordsWithColon = 25;
    private const int MaxLabelWords = 6;

    /// <summary>
    /// Indented headings followed later by an unindented heading of the same list are stray (a heading pasted inside
    /// a sub-list); they are kept as labels.
    /// </summary>
    /// <remarks>
    /// Also marks the lines holding a heading keyword part (<paramref name="keywordLines"/>); no other line is classified.
    /// The classification of each line it classifies is kept in <paramref name="classified"/> for the line loop.
    /// </remarks>
    private static HashSet<int>? DemotedHeadings(string[] lines, bool[] keywordLines, out HeadingMatch?[]? classified)
    {
        classified = null;
        List<(int Line, int Indent, CriteriaSection Section)>? headings = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].AsSpan().Trim();
            keywordLines[i] = HeadingClassifier.HasKeywordPart(trimmed);
            if (!keywordLines[i] || trimmed.Length > 200)
            {
                continue;
            }

            var content = lines[i].Trim();

            var text = ListMarker.TryParse(content, out var marker, out var rest) && marker.Kind != MarkerKind.Glued ? rest : content;
            var match = HeadingClassifier.Classify(text);
            classified ??= new HeadingMatch?[lines.Length];
            classified[i] = match ?? NotAHeading;
            if (match is { } heading && (text == content || heading.Heading.EndsWith(':')))
            {
                headings ??= [];
                headings.Add((i, Indent(lines[i]), heading.Section));
            }
        }

        HashSet<int>? demoted = null;
        for (var h = 0; headings is not null && h < headings.Count; h++)
        {
            if (headings[h].Indent < 2)
            {
                continue;
            }

            for (var later = h + 1; later < headings.Count; later++)
            {
                if (headings[later].Section == headings[h].Section && headings[later].Indent < 2)
                {
                    demoted ??= [];
                    demoted.Add(headings[h].Line);
                    break;
                }
            }
        }

        return demoted;
    }

    private static bool IsLabel(string content, string[] lines, int lineIndex)
    {
        var words = CountWords(content);
        if (content.EndsWith(':') || content.EndsWith('\uFF1A'))
        {
            return words <= MaxLabelWordsWithColon;
        }

        if (words > MaxLabelWords || HasValueCharacter(content))
        {
            return false;
        }

        for (var i = lineIndex + 1; i >= 1 && i < lines.Length; i++)
        {
            var next = lines[i].Trim();
            if (next.Length > 0)
            {
                return ListMarker.TryParse(next, out var marker, out _) && marker.Kind != MarkerKind.Glued;
            }
        }

        return false;
    }

    /// <summary>The number of runs of characters other than ' '.</summary>
    private static int CountWords(string content)
    {
        var words = 0;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] != ' ' && (i == 0 || content[i - 1] == ' '))
            {
                words++;
            }
        }

        return words;
    }

    /// <summary>True when <paramref name="content"/> holds a digit, a comparator or sentence punctuation (then it is no label).</summary>
    private static bool HasValueCharacter(string content)
    {
        foreach (var c in content)
        {
            if (char.IsDigit(c) || c is '<' or '>' or '≥' or '≤' or '=' or '.' or ';' or ',')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Marks a line classified as no heading (null marks a line not classified).</summary>
    private static readonly HeadingMatch NotAHeading = new(CriteriaSection.Inclusion, "", "");

    private sealed class SplitState(HashSet<int>? demoted, bool[] keywordLines, HeadingMatch?[]? classified)
    {
        private readonly List<ItemDraft> _open = [];

        /// <summary>Per line, true when it holds a heading keyword part (only such a line can be a heading).</summary>
        public bool[] KeywordLines { get; } = keywordLines;

        public List<OutlineDraft> Outline { get; } = [];

        public int ItemCount { get; private set; }

        public CriteriaSection Section { get; private set; } = CriteriaSection.Inclusion;

        public bool SectionSeen { get; private set; }

        public bool PreviousBlank { get; set; } = true;

        public string? Label { get; private set; }

        public ItemDraft? Top => _open.Count > 0 ? _open[^1] : null;

        /// <summary>
        /// The heading of <paramref name="text"/>, the marker-less text of line <paramref name="line"/>: classified before
        /// the loop when it could be, so each line is classified once (a second call for the line classifies anew).
        /// </summary>
        public HeadingMatch? Heading(int line, string text)
        {
            var known = classified?[line];
            if (known is null)
            {
                return HeadingClassifier.Classify(text);
            }

            classified![line] = null;
            return ReferenceEquals(known, NotAHeading) ? null : known;
        }

        /// <summary>True when line <paramref name="line"/> is a stray heading kept as a label.</summary>
        public bool IsDemoted(int line) => demoted is not null && demoted.Contains(line);

        public void StartSection(CriteriaSection section, string heading)
        {
            Outline.Add(new OutlineDraft(OutlineEntryKind.SectionHeading, section, heading, null));
            Section = section;
            SectionSeen = true;
            Label = null;
            _open.Clear();
        }

        public void AddLabel(string text, bool keepOpenItems)
        {
            Outline.Add(new OutlineDraft(OutlineEntryKind.Label, Section, text, null));
            Label = text.Trim().TrimEnd(':', '\uFF1A').Trim();
            if (!keepOpenItems)
            {
                _open.Clear();
            }
        }

        public ItemDraft? ParentFor(int indent)
        {
            while (_open.Count > 0 && _open[^1].Indent >= indent)
            {
                _open.RemoveAt(_open.Count - 1);
            }

            return Top;
        }

        public ItemDraft AddItem(ItemDraft? parent, int indent, string? marker, string text, MarkerKind? kind, int value)
        {
            var draft = new ItemDraft(Section, marker, text, Label, indent, parent is null ? 0 : parent.Depth + 1)
            {
                MarkerKind = kind,
                MarkerValue = value,
            };
            Outline.Add(new OutlineDraft(OutlineEntryKind.Item, Section, text, draft));
            ItemCount++;
            if (parent is null)
            {
                _open.Clear();
            }
            else
            {
                draft.Parent = parent;
                var at = _open.IndexOf(parent);
                _open.RemoveRange(at + 1, _open.Count - at - 1);
            }

            _open.Add(draft);
            return draft;
        }

        public void AddTopLevel(ItemDraft draft)
        {
            Outline.Add(new OutlineDraft(OutlineEntryKind.Item, Section, draft.Text, draft));
            ItemCount++;
            _open.Clear();
            _open.Add(draft);
        }
    }
}
