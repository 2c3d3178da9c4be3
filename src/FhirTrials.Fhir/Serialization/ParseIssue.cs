using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Fhir.Serialization;

/// <summary>
/// A problem found while reading FHIR JSON: severity, FHIR IssueType, a message, the FHIRPath-style
/// location, and the line and column in the named source.
/// </summary>
public sealed record ParseIssue(IssueSeverity Severity, IssueType Code, string Message, string? Location, SourcePosition? Position, string? SourceName)
{
    /// <summary>One line: <c>file:line:col location: message</c>.</summary>
    public override string ToString()
    {
        var where = SourceName ?? "<input>";
        if (Position is { } p)
        {
            where += $":{p.Line}:{p.Column}";
        }

        return Location is null ? $"{where}: {Message}" : $"{where}: {Location}: {Message}";
    }
}

/// <summary>The result of parsing: the tree (null when nothing could be read) and every issue found.</summary>
public sealed class ParseResult
{
    public ParseResult(ElementNode? root, IReadOnlyList<ParseIssue> issues)
    {
        Root = root;
        Issues = issues;
    }

    public ElementNode? Root { get; }

    public IReadOnlyList<ParseIssue> Issues { get; }

    public bool HasErrors => Issues.Any(i => i.Severity is IssueSeverity.Error or IssueSeverity.Fatal);
}

/// <summary>Thrown by strict parsing at the first problem.</summary>
public sealed class FhirParseException : Exception
{
    public FhirParseException(ParseIssue issue)
        : base(issue?.ToString())
    {
        Issue = issue!;
    }

    public FhirParseException()
        : this(new ParseIssue(IssueSeverity.Error, IssueType.Invalid, "invalid FHIR JSON", null, null, null))
    {
    }

    public FhirParseException(string message)
        : this(new ParseIssue(IssueSeverity.Error, IssueType.Invalid, message, null, null, null))
    {
    }

    public FhirParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Issue = new ParseIssue(IssueSeverity.Error, IssueType.Invalid, message, null, null, null);
    }

    public ParseIssue Issue { get; }
}

/// <summary>How the parser treats problems.</summary>
public sealed record FhirJsonParserSettings
{
    /// <summary>Strict (the default) stops at the first problem; lenient collects them all and keeps whatever can be kept.</summary>
    public bool Lenient { get; init; }

    /// <summary>Check primitive values against the R4 lexical rules (dates, ids, codes…).</summary>
    public bool CheckPrimitiveFormats { get; init; } = true;

    /// <summary>Accept <c>//</c> and <c>/* */</c> comments (JSON5-style) silently; otherwise each is an error and the rest is still read.</summary>
    public bool AllowComments { get; init; }

    /// <summary>The deepest JSON nesting accepted.</summary>
    public int MaxDepth { get; init; } = 512;

    public static FhirJsonParserSettings Strict { get; } = new();

    public static FhirJsonParserSettings LenientMode { get; } = new() { Lenient = true };
}
