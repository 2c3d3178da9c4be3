using System.Globalization;
using FhirTrials.Testing;

namespace FhirTrials.Validation.Tests.Conformance;

/// <summary>
/// Why we disagree with the HL7 validator on a run: disagreement-reasons.txt, one line per run
/// (<c>name</c> or <c>name [profile]</c>, a tab, the reason); <c>#</c> starts a comment. Every
/// disagreement needs a line there, and a line for a run we now agree on is stale.
/// </summary>
public sealed class DisagreementReasons
{
    public const string FileName = "disagreement-reasons.txt";

    private readonly Dictionary<string, string> _reasons;

    private DisagreementReasons(Dictionary<string, string> reasons) => _reasons = reasons;

    public IEnumerable<string> Cases => _reasons.Keys;

    public static DisagreementReasons Load()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "tests", "FhirTrials.Validation.Tests", "Conformance", FileName);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || tab == line.Length - 1 || !reasons.TryAdd(line[..tab], line[(tab + 1)..].Trim()))
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{FileName}:{lineNumber}: expected '<case>\\t<reason>' with a case named once"));
            }
        }

        return new DisagreementReasons(reasons);
    }

    public string? For(ConformanceCase testCase) => _reasons.GetValueOrDefault(testCase.ToString());
}
