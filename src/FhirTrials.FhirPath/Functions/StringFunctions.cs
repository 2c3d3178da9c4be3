using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using FhirTrials.FhirPath.Evaluation;

namespace FhirTrials.FhirPath.Functions;

/// <summary>
/// String manipulation: <c>indexOf lastIndexOf substring startsWith endsWith contains upper lower replace
/// matches matchesFull replaceMatches length toChars trim split join</c>. Regular expressions run in
/// single-line mode (<c>.</c> matches line breaks) with a time limit.
/// </summary>
internal static class StringFunctions
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);
    private static readonly ConcurrentDictionary<(string, bool), Regex> Regexes = new();

    public static void Register(FunctionTable table)
    {
        table.Add(new("indexOf", 1, 1, static (in Call c) => WithArgument(c, static (s, a) => FhirPathItem.FromInteger(s.IndexOf(a, StringComparison.Ordinal))), ResultType.Integer));
        table.Add(new("lastIndexOf", 1, 1, static (in Call c) => WithArgument(c, static (s, a) => FhirPathItem.FromInteger(s.LastIndexOf(a, StringComparison.Ordinal))), ResultType.Integer));
        table.Add(new("substring", 1, 2, Substring, ResultType.String));
        table.Add(new("startsWith", 1, 1, static (in Call c) => WithArgument(c, static (s, a) => FhirPathItem.FromBoolean(s.StartsWith(a, StringComparison.Ordinal))), ResultType.Boolean));
        table.Add(new("endsWith", 1, 1, static (in Call c) => WithArgument(c, static (s, a) => FhirPathItem.FromBoolean(s.EndsWith(a, StringComparison.Ordinal))), ResultType.Boolean));
        table.Add(new("contains", 1, 1, static (in Call c) => WithArgument(c, static (s, a) => FhirPathItem.FromBoolean(s.Contains(a, StringComparison.Ordinal))), ResultType.Boolean));
        table.Add(new("upper", 0, 0, static (in Call c) => MapString(c, static s => s.ToUpperInvariant()), ResultType.String));
        table.Add(new("lower", 0, 0, static (in Call c) => MapString(c, static s => s.ToLowerInvariant()), ResultType.String));
        table.Add(new("trim", 0, 0, static (in Call c) => MapString(c, static s => s.Trim()), ResultType.String));
        table.Add(new("length", 0, 0, static (in Call c) => MapItem(c, static s => FhirPathItem.FromInteger(s.Length)), ResultType.Integer));
        table.Add(new("toChars", 0, 0, ToChars, ResultType.String));
        table.Add(new("replace", 2, 2, Replace, ResultType.String));
        table.Add(new("matches", 1, 1, static (in Call c) => MatchesFunction(c, full: false), ResultType.Boolean));
        table.Add(new("matchesFull", 1, 1, static (in Call c) => MatchesFunction(c, full: true), ResultType.Boolean));
        table.Add(new("replaceMatches", 2, 2, ReplaceMatches, ResultType.String));
        table.Add(new("split", 1, 1, Split, ResultType.String));
        table.Add(new("join", 0, 1, Join, ResultType.String));
    }

    /// <summary>Applies <paramref name="f"/> to the single string input and a single string argument; empty if either is empty.</summary>
    private static void WithArgument(in Call c, Func<string, string, FhirPathItem> f)
    {
        var s = c.InputString();
        if (s is null)
        {
            return;
        }

        var a = c.StringArgument(0);
        if (a is not null)
        {
            c.Add(f(s, a));
        }
    }

    private static void MapString(in Call c, Func<string, string> f)
    {
        if (c.InputString() is { } s)
        {
            c.Add(f(s));
        }
    }

    private static void MapItem(in Call c, Func<string, FhirPathItem> f)
    {
        if (c.InputString() is { } s)
        {
            c.Add(f(s));
        }
    }

    private static void Substring(in Call c)
    {
        var s = c.InputString();
        var start = c.IntegerArgument(0);
        if (s is null || start is not { } from || from < 0 || from >= s.Length)
        {
            return;
        }

        var length = c.ArgumentCount == 2 ? c.IntegerArgument(1) ?? s.Length : s.Length;
        c.Add(s.Substring((int)from, (int)Math.Clamp(length, 0, s.Length - from)));
    }

    private static void ToChars(in Call c)
    {
        if (c.InputString() is { } s)
        {
            foreach (var ch in s)
            {
                c.Add(ch.ToString());
            }
        }
    }

    private static void Replace(in Call c)
    {
        var s = c.InputString();
        var pattern = c.StringArgument(0);
        var substitution = c.StringArgument(1);
        if (s is null || pattern is null || substitution is null)
        {
            return;
        }

        if (pattern.Length > 0)
        {
            c.Add(s.Replace(pattern, substitution, StringComparison.Ordinal));
            return;
        }

        var sb = new StringBuilder(substitution);
        foreach (var ch in s)
        {
            sb.Append(ch).Append(substitution);
        }

        c.Add(sb.ToString());
    }

    private static void ReplaceMatches(in Call c)
    {
        var s = c.InputString();
        var pattern = c.StringArgument(0);
        var substitution = c.StringArgument(1);
        if (s is null || pattern is null || substitution is null)
        {
            return;
        }

        if (pattern.Length == 0)
        {
            c.Add(s);
            return;
        }

        var regex = GetRegex(c, pattern, false);
        c.Add(Run(c, () => regex.Replace(s, substitution)));
    }

    private static void MatchesFunction(in Call c, bool full)
    {
        var s = c.InputString();
        var pattern = s is null ? null : c.StringArgument(0);
        if (s is null || pattern is null)
        {
            return;
        }

        var regex = GetRegex(c, pattern, full);
        c.Add(Run(c, () => regex.IsMatch(s)));
    }

    private static Regex GetRegex(in Call c, string pattern, bool full)
    {
        try
        {
            return Regexes.GetOrAdd((pattern, full), static key =>
                new Regex(key.Item2 ? $"^(?:{key.Item1})$" : key.Item1, RegexOptions.Singleline | RegexOptions.CultureInvariant, RegexTimeout));
        }
        catch (ArgumentException ex)
        {
            throw c.Error($"invalid regular expression '{pattern}': {ex.Message}");
        }
    }

    private static T Run<T>(in Call c, Func<T> match)
    {
        try
        {
            return match();
        }
        catch (RegexMatchTimeoutException)
        {
            throw c.Error($"the regular expression took longer than {RegexTimeout.TotalSeconds} seconds");
        }
    }

    private static void Split(in Call c)
    {
        var s = c.InputString();
        var separator = c.StringArgument(0);
        if (s is null || separator is null)
        {
            return;
        }

        foreach (var part in separator.Length == 0 ? [s] : s.Split(separator))
        {
            c.Add(part);
        }
    }

    private static void Join(in Call c)
    {
        var separator = c.ArgumentCount == 1 ? c.StringArgument(0) ?? string.Empty : string.Empty;
        var sb = new StringBuilder();
        for (var i = 0; i < c.Input.Count; i++)
        {
            var s = Scalar.From(c.Input[i]);
            if (s.Kind != FhirPathItemKind.String || !s.HasValue)
            {
                throw c.Error($"joins strings, found {c.Input[i].TypeName}");
            }

            if (i > 0)
            {
                sb.Append(separator);
            }

            sb.Append(s.String);
        }

        c.Add(sb.ToString());
    }
}
