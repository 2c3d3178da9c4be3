namespace FhirTrials.Cli.Infrastructure;

/// <summary>Expands command-line paths (files and folders) into the files to process.</summary>
public static class InputFiles
{
    /// <summary>
    /// Files as given, and the matching files of folders (recursively, sorted). Paths that do not exist
    /// are returned in <paramref name="missing"/>.
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, IReadOnlyCollection<string> extensions, out IReadOnlyList<string> missing)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        var absent = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                absent.Add(path);
            }
        }

        missing = absent;
        return files;
    }
}
