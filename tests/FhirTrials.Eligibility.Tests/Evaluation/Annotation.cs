using System.Text.Json;
using FhirTrials.Eligibility.Tests.Support;

namespace FhirTrials.Eligibility.Tests.Evaluation;

/// <summary>A hand-annotated record (see README.md in this folder for the guideline).</summary>
public sealed class AnnotationFile
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public string Id { get; set; } = "";

    public string Source { get; set; } = "";

    public string? SeedStart { get; set; }

    public string? SeedEnd { get; set; }

    public string Area { get; set; } = "";

    public List<ExpectedCriterion> Criteria { get; set; } = [];

    public string FileName { get; private set; } = "";

    public bool IsSeed => Source.StartsWith("seeds/", StringComparison.Ordinal);

    public static IReadOnlyList<AnnotationFile> LoadAll() =>
        [
            .. LoadFolder(RepositoryPaths.Annotations), .. LoadFolder(RepositoryPaths.HeldOutAnnotations),
            .. LoadFolder(RepositoryPaths.SecondHeldOutAnnotations), .. LoadFolder(RepositoryPaths.ThirdHeldOutAnnotations),
        ];

    public static IReadOnlyList<AnnotationFile> LoadFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal).Select(Load).ToList();

    public static AnnotationFile Load(string path)
    {
        var file = JsonSerializer.Deserialize<AnnotationFile>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException(path + ": empty annotation file");
        file.FileName = Path.GetFileName(path);
        return file;
    }

    /// <summary>The criteria text the annotation was written on.</summary>
    public string CriteriaText() => IsSeed
        ? SeedPage.CriteriaSection(Source, SeedStart!, SeedEnd!)
        : CtgovRecord.Load(Path.Combine(RepositoryPaths.Fixtures, Source)).Criteria;
}

/// <summary>One expected criterion; fields not applicable to its kind stay null.</summary>
public sealed class ExpectedCriterion
{
    public string Item { get; set; } = "";

    public string Kind { get; set; } = "";

    public string? Code { get; set; }

    public string? Cmp { get; set; }

    public decimal? Value { get; set; }

    public decimal? Low { get; set; }

    public decimal? High { get; set; }

    public string? Unit { get; set; }

    public string? Limit { get; set; }

    public string? Sex { get; set; }

    public bool Exclude { get; set; }

    public ExpectedWindow? Window { get; set; }

    public string? About { get; set; }

    public override string ToString() =>
        $"{Kind} {Code} {Cmp} {Value}{(Low is null ? "" : $"{Low}..{High}")} {Unit}{Limit} {Sex} excl={Exclude}"
        + (Window is null ? "" : $" window {Window.Dir} {Window.Value} {Window.Unit} about '{About}'") + $"  [item: {Item}]";
}

public sealed class ExpectedWindow
{
    public decimal Value { get; set; }

    public string Unit { get; set; } = "";

    public string Dir { get; set; } = "";
}
