using FhirTrials.Testing;

namespace FhirTrials.Validation.Tests.Examples;

/// <summary>The examples the R4 specification gets wrong: <c>file-name: reason</c> per line in errata.txt.</summary>
public static class Errata
{
    public static IReadOnlyDictionary<string, string> Load()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "tests", "FhirTrials.Validation.Tests", "Examples", "errata.txt");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var colon = trimmed.IndexOf(": ", StringComparison.Ordinal);
            result[colon < 0 ? trimmed : trimmed[..colon]] = colon < 0 ? string.Empty : trimmed[(colon + 2)..];
        }

        return result;
    }
}
