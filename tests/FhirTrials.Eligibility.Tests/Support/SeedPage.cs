namespace FhirTrials.Eligibility.Tests.Support;

/// <summary>The criteria section of a seed web page: from the last line equal to the start heading to the end line.</summary>
internal static class SeedPage
{
    public static string CriteriaSection(string relativePath, string startLine, string endLinePrefix)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Fixtures, relativePath));
        var start = Array.FindLastIndex(lines, l => l.Trim() == startLine);
        if (start < 0)
        {
            throw new InvalidOperationException($"{relativePath}: no line '{startLine}'.");
        }

        var end = Array.FindIndex(lines, start, l => l.StartsWith(endLinePrefix, StringComparison.Ordinal));
        return string.Join('\n', lines[start..(end < 0 ? lines.Length : end)]);
    }
}
