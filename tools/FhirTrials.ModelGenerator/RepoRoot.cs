namespace FhirTrials.ModelGenerator;

/// <summary>Finds the repository root (the folder holding FhirTrials.sln).</summary>
internal static class RepoRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FhirTrials.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("cannot find FhirTrials.sln above the current directory");
    }
}
