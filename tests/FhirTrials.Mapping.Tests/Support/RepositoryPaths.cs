namespace FhirTrials.Mapping.Tests.Support;

/// <summary>Paths inside the repository (found from the test binaries upwards).</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    public static string CtGovFull => Path.Combine(Fixtures, "ctgov-v2");

    public static string CtGovPartial => Path.Combine(Fixtures, "ctgov-v2-partial");

    public static string Seeds => Path.Combine(Fixtures, "seeds");

    public static string ExampleRecords => Path.Combine(Root, "examples", "records");

    public static string Schema => Path.Combine(Root, "schemas", "trial-record-1.0.schema.json");

    public static string CtGovFile(string nctId) =>
        File.Exists(Path.Combine(CtGovFull, nctId + ".json"))
            ? Path.Combine(CtGovFull, nctId + ".json")
            : Path.Combine(CtGovPartial, nctId + ".json");

    /// <summary>Path relative to the repository root with forward slashes, for stable messages.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FhirTrials.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (FhirTrials.sln) not found above " + AppContext.BaseDirectory);
    }
}
