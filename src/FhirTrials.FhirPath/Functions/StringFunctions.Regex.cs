using System.Text.RegularExpressions;

namespace FhirTrials.FhirPath.Functions;

internal static partial class StringFunctions
{
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
        try
        {
            c.Add(regex.Replace(s, substitution));
        }
        catch (RegexMatchTimeoutException)
        {
            throw TimedOut(c);
        }
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
        try
        {
            c.Add(regex.IsMatch(s));
        }
        catch (RegexMatchTimeoutException)
        {
            throw TimedOut(c);
        }
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

    private static FhirPathEvaluationException TimedOut(in Call c) =>
        c.Error($"the regular expression took longer than {RegexTimeout.TotalSeconds} seconds");
}
