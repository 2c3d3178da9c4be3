namespace FhirTrials.XverExtensions;

/// <summary>Command-line options: where to write (default: the repository's profiles/ folder).</summary>
internal sealed record ToolOptions(string RepoRoot, string OutputDirectory)
{
    public static ToolOptions Parse(string[] args)
    {
        var repo = FindRepoRoot(AppContext.BaseDirectory) ?? FindRepoRoot(Directory.GetCurrentDirectory())
            ?? throw new ArgumentException("cannot find the repository root (FhirTrials.sln) above the tool or the current directory");
        var output = Path.Combine(repo, "profiles");
        for (var i = 0; i < args.Length; i++)
        {
            output = args[i] switch
            {
                "--out" when i + 1 < args.Length => Path.GetFullPath(args[++i]),
                _ => throw new ArgumentException($"unknown argument '{args[i]}' (usage: [--out <dir>])"),
            };
        }

        Directory.CreateDirectory(output);
        return new ToolOptions(repo, output);
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
