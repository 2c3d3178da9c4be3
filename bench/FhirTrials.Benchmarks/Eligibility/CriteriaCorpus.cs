using System.Text.Json;
using FhirTrials.Eligibility;

namespace FhirTrials.Benchmarks.Eligibility;

/// <summary>The eligibility texts of tests/fixtures/ctgov-v2 and the number of items they split into.</summary>
internal sealed class CriteriaCorpus
{
    private static readonly Lazy<CriteriaCorpus> LazyInstance = new(Load);

    private CriteriaCorpus(string[] texts, int itemCount)
    {
        Texts = texts;
        ItemCount = itemCount;
    }

    public static CriteriaCorpus Instance => LazyInstance.Value;

    public string[] Texts { get; }

    public int ItemCount { get; }

    private static CriteriaCorpus Load()
    {
        var folder = Path.Combine(FindRoot(), "tests", "fixtures", "ctgov-v2");
        var texts = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(ReadCriteria).ToArray();
        return new CriteriaCorpus(texts, texts.Sum(t => EligibilityCriteriaParser.Parse(t).Items.Count));
    }

    private static string ReadCriteria(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("protocolSection").GetProperty("eligibilityModule")
            .TryGetProperty("eligibilityCriteria", out var criteria) ? criteria.GetString() ?? "" : "";
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FhirTrials.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FhirTrials.sln not found above " + AppContext.BaseDirectory);
    }
}
