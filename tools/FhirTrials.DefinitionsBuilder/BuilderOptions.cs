namespace FhirTrials.DefinitionsBuilder;

/// <summary>Command-line options of the definitions builder.</summary>
internal sealed record BuilderOptions(string RepoRoot, string CacheDirectory)
{
    public static BuilderOptions Parse(string[] args)
    {
        var repo = FindRepoRoot(AppContext.BaseDirectory) ?? FindRepoRoot(Directory.GetCurrentDirectory())
            ?? throw new ArgumentException("cannot find the repository root (FhirTrials.sln) above the tool or the current directory");
        var cache = Environment.GetEnvironmentVariable("FHIRTRIALS_PACKAGE_CACHE")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fhirtrials", "packages");
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--cache" when i + 1 < args.Length:
                    cache = args[++i];
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}' (usage: [--cache <dir>])");
            }
        }

        return new BuilderOptions(repo, cache);
    }

    private static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FhirTrials.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
