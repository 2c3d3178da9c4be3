using System.Text.Json;

namespace FhirTrials.FhirPath.Tests.Suite;

/// <summary>
/// The suite cases this engine does not pass, each with the reason, read from
/// <c>known-failures.json</c> (the one list: a newly failing case fails the build, a listed case that
/// starts passing is reported so it can be removed).
/// </summary>
public static class KnownFailures
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Entries = new(Load);

    public static IReadOnlyDictionary<string, string> All => Entries.Value;

    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "Suite", "known-failures.json");

    private static Dictionary<string, string> Load()
    {
        using var stream = File.OpenRead(FilePath);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
    }
}
