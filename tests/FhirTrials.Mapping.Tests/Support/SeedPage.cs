using System.Text.RegularExpressions;

namespace FhirTrials.Mapping.Tests.Support;

/// <summary>
/// Reads a ClinicalTrials.Veeva trial page as saved in tests/fixtures/seeds: title, sponsor, the
/// labelled sections ("Conditions", "Ages", ...) and the arm blocks of the trial design.
/// </summary>
internal sealed partial class SeedPage
{
    private static readonly string[] Headers =
    [
        "Status and phase", "Status", "Conditions", "Treatments", "Study type", "Funder types", "Identifiers",
        "Details and patient eligibility", "About", "Full description", "Enrollment", "Sex", "Ages", "Volunteers",
        "Inclusion criteria", "Exclusion criteria", "Trial design", "Primary purpose", "Allocation", "Interventional model",
        "Masking", "Trial contacts and locations", "Central trial contact", "Data sourced from clinicaltrials.gov",
    ];

    private readonly Dictionary<string, List<string>> _sections = new(StringComparer.Ordinal);

    public SeedPage(string path)
    {
        var lines = File.ReadAllLines(path).Select(l => l.TrimEnd()).ToList();
        var menu = lines.IndexOf("Menu");
        var content = lines.Skip(menu + 1).Where(l => l.Length > 0).ToList();
        Title = content[0];
        Sponsor = content[2];
        string? current = null;
        foreach (var line in lines)
        {
            if (Headers.Contains(line))
            {
                current = line;
                _sections[current] = [];
            }
            else if (current is not null && line.Trim().Length > 0)
            {
                _sections[current].Add(line);
            }
        }
    }

    public string Title { get; }

    public string Sponsor { get; }

    /// <summary>Non-empty lines of a section, as written (indentation kept).</summary>
    public IReadOnlyList<string> this[string header] => _sections.TryGetValue(header, out var lines) ? lines : [];

    public string Single(string header) => Assert.Single(this[header]).Trim();

    /// <summary>Each criterion of an inclusion/exclusion section without its list marker ("1.", "•").</summary>
    public IEnumerable<string> Criteria(string header) =>
        this[header]
            .SelectMany(line => CriterionSplit().Split(line.Trim()))
            .Select(item => ListMarker().Replace(item, "").Trim())
            .Where(item => item.Length > 0);

    /// <summary>The arm blocks after "N participants in K patient group(s)".</summary>
    public (int Participants, int Groups, List<SeedArm> Arms) Design()
    {
        var lines = this["Masking"].Select(l => l.Trim()).ToList();
        var at = lines.FindIndex(l => l.Contains(" participants in ", StringComparison.Ordinal));
        var counts = Counts().Match(lines[at]);
        var arms = new List<SeedArm>();
        for (var i = at + 1; i < lines.Count;)
        {
            var label = lines[i];
            var type = lines[i + 1].EndsWith(" group", StringComparison.Ordinal) ? lines[i + 1][..^" group".Length] : throw new FormatException(lines[i + 1]);
            Assert.Equal("Description:", lines[i + 2]);
            var description = lines[i + 3];
            string? treatment = null;
            i += 4;
            if (i < lines.Count && lines[i] == "Treatment:")
            {
                treatment = lines[i + 1];
                i += 2;
            }

            arms.Add(new SeedArm(label, type, description, treatment));
        }

        return (int.Parse(counts.Groups[1].Value), int.Parse(counts.Groups[2].Value), arms);
    }

    [GeneratedRegex(@";\s*(?=\d+\.)")]
    private static partial Regex CriterionSplit();

    [GeneratedRegex(@"^(?:\d+\.|•)\s*")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^(\d+) participants in (\d+) patient groups?$")]
    private static partial Regex Counts();
}

internal sealed record SeedArm(string Label, string Type, string Description, string? Treatment);
