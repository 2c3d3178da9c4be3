namespace FhirTrials.Testing;

/// <summary>Well-known folders of the repository, found from the test binaries.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root (the folder holding FhirTrials.sln).</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The shared test data copied into <c>tests/fixtures</c>.</summary>
    public static string Fixtures => Path.Combine(RepoRoot, "tests", "fixtures");

    /// <summary>A path under <c>tests/fixtures</c>.</summary>
    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FhirTrials.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("cannot find FhirTrials.sln above " + AppContext.BaseDirectory);
    }
}
