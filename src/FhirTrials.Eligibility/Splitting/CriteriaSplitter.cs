namespace FhirTrials.Eligibility.Splitting;

/// <summary>The items of an eligibility text before criteria are read from them.</summary>
internal sealed record SplitResult(IReadOnlyList<OutlineDraft> Outline, bool SectionsInferred)
{
    /// <summary>How many outline entries are items.</summary>
    public int ItemCount { get; init; }
}

/// <summary>
/// Splits ClinicalTrials.gov eligibility markdown into inclusion and exclusion items. Lists nest by indentation;
/// unmarked lines continue the item above (a wrapped line), become a sub-item (after an item ending with a
/// colon, or indented), a label ("Screening Phase:"), or an item of their own.
/// </summary>
internal static partial class CriteriaSplitter
{
    public static SplitResult Split(string markdown)
    {
        var lines = MarkdownText.Lines(markdown);
        var keywordLines = new bool[lines.Length];
        var demoted = DemotedHeadings(lines, keywordLines, out var classified);
        var state = new SplitState(demoted, keywordLines, classified);
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            if (string.IsNullOrWhiteSpace(raw))
            {
                state.PreviousBlank = true;
                continue;
            }

            ProcessLine(state, lines, i, Indent(raw), raw.Trim());
            state.PreviousBlank = false;
        }

        return new SplitResult(state.Outline, !state.SectionSeen) { ItemCount = state.ItemCount };
    }

    private static void ProcessLine(SplitState state, string[] lines, int lineIndex, int indent, string content)
    {
        var markerFound = ListMarker.TryParse(content, out var marker, out var rest);
        var headingText = markerFound && marker.Kind != MarkerKind.Glued ? rest : content;
        if (state.KeywordLines[lineIndex] && !state.IsDemoted(lineIndex) && state.Heading(lineIndex, headingText) is { } heading
            && (!markerFound || marker.Kind == MarkerKind.Glued || heading.Heading.EndsWith(':') || heading.Heading.EndsWith('\uFF1A')))
        {
            state.StartSection(heading.Section, markerFound && marker.Kind != MarkerKind.Glued ? marker.Raw + " " + heading.Heading : heading.Heading);
            if (heading.Remainder.Length > 0 && !IsNone(heading.Remainder))
            {
                ProcessLine(state, lines, lineIndex, 0, heading.Remainder);
            }
            else if (heading.Remainder.Length > 0)
            {
                state.AddTopLevel(new ItemDraft(state.Section, null, heading.Remainder, state.Label, 0, 0));
            }

            return;
        }

        if (markerFound)
        {
            AddMarked(state, indent, marker, rest);
            return;
        }

        AddUnmarked(state, lines, lineIndex, indent, content);
    }

    private static void AddMarked(SplitState state, int indent, ListMarker marker, string rest)
    {
        var pieces = RunTogetherSplitter.Split(rest, marker.Kind, marker.Value);
        if (marker.Kind == MarkerKind.Glued && pieces is null)
        {
            AddUnmarked(state, [], -1, indent, marker.Raw + rest);
            return;
        }

        pieces ??= marker.Kind is MarkerKind.Bullet or MarkerKind.Glued ? RunTogetherSplitter.SplitLeadingNumbered(rest) : null;
        var parent = state.ParentFor(indent);
        var first = pieces is null ? rest : pieces[0].Text;
        var firstMarker = pieces is not null && pieces[0].Marker.Length > 0 ? marker.Raw + " " + pieces[0].Marker : marker.Raw;
        state.AddItem(parent, indent, firstMarker, first, marker.Kind, marker.Value);
        for (var p = 1; pieces is not null && p < pieces.Count; p++)
        {
            state.AddItem(parent, indent, pieces[p].Marker, pieces[p].Text, marker.Kind, marker.Value + p);
        }
    }

    private static void AddUnmarked(SplitState state, string[] lines, int lineIndex, int indent, string content)
    {
        var top = state.Top;
        if (top is not null && !state.PreviousBlank && !top.EndsWithColon)
        {
            top.Append(content);
            return;
        }

        if (state.IsDemoted(lineIndex))
        {
            state.AddLabel(content, keepOpenItems: true);
            return;
        }

        if (IsLabel(content, lines, lineIndex))
        {
            state.AddLabel(content, keepOpenItems: false);
            return;
        }

        if (top is not null && (top.EndsWithColon || indent > top.Indent))
        {
            state.AddItem(top, indent, null, content, null, 0);
            return;
        }

        state.AddTopLevel(new ItemDraft(state.Section, null, content, state.Label, indent, 0));
    }

    private static bool IsNone(string text) =>
        text.Trim().TrimEnd('.') is "none" or "None" or "NONE" or "N/A" or "n/a" or "NA" or "Not applicable" or "not applicable";

    private static int Indent(string line)
    {
        var n = 0;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                n++;
            }
            else if (c == '\t')
            {
                n += 4;
            }
            else
            {
                break;
            }
        }

        return n;
    }
}
