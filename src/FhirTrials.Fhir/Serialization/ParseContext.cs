using System.Text.Json;
using System.Text.RegularExpressions;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Fhir.Serialization;

/// <summary>Collects the issues of one parse, or throws at the first in strict mode.</summary>
internal sealed partial class ParseContext
{
    // One scratch list per thread, reused from parse to parse (a parse never starts another on its thread).
    [ThreadStatic]
    private static List<ElementNode>? t_spareScratch;

    private readonly List<ParseIssue> _issues = [];

    public ParseContext(SourceText source, FhirJsonParserSettings settings)
    {
        Source = source;
        Settings = settings;
        Scratch = t_spareScratch ?? new(256);
        t_spareScratch = null;
    }

    public SourceText Source { get; }

    public FhirJsonParserSettings Settings { get; }

    public IReadOnlyList<ParseIssue> Issues => _issues;

    /// <summary>Children of the objects being parsed, innermost last; each object moves its own into an exact-size array when it ends.</summary>
    public List<ElementNode> Scratch { get; }

    /// <summary>Hands the scratch list back for the thread's next parse; the context is not used afterwards.</summary>
    public void ReleaseScratch()
    {
        Scratch.Clear();
        if (Scratch.Capacity <= 1 << 16)
        {
            t_spareScratch = Scratch;
        }
    }

    public void Error(IssueType code, string message, string? location, long offset) =>
        Add(new ParseIssue(IssueSeverity.Error, code, message, location, offset >= 0 ? Source.PositionOf((int)offset) : null, Source.Name));

    /// <summary>Records malformed JSON with the reader's position; always final for this input.</summary>
    public void MalformedJson(JsonException ex, bool endOfInput)
    {
        var line = (int)(ex.LineNumber ?? 0) + 1;
        var column = (int)(ex.BytePositionInLine ?? 0) + 1;
        var message = endOfInput
            ? "unexpected end of input: the JSON is truncated (an object or array is not closed)"
            : "invalid JSON: " + PositionSuffix().Replace(ex.Message, string.Empty).TrimEnd('.', ' ');
        var issue = new ParseIssue(IssueSeverity.Fatal, IssueType.Structure, message, null, new SourcePosition(line, column), Source.Name);
        _issues.Add(issue);
        if (!Settings.Lenient)
        {
            throw new FhirParseException(issue);
        }
    }

    private void Add(ParseIssue issue)
    {
        _issues.Add(issue);
        if (!Settings.Lenient)
        {
            throw new FhirParseException(issue);
        }
    }

    [GeneratedRegex(@"\s*(Path: .*?)?\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?", RegexOptions.CultureInvariant)]
    private static partial Regex PositionSuffix();
}
