using Microsoft.Extensions.Configuration;

namespace FhirTrials.Sync.Hosting;

/// <summary>
/// The configuration the commands read, later sources winning: <c>appsettings.json</c> beside the
/// program, <c>appsettings.json</c> in the current folder, a file given with <c>--config</c>, environment
/// variables prefixed <c>FHIRTRIALS_</c> (<c>FHIRTRIALS_Sync__ChunkSize=50</c>), then command-line flags.
/// </summary>
public static class SyncConfiguration
{
    public const string EnvironmentPrefix = "FHIRTRIALS_";

    /// <summary>Builds the configuration; <paramref name="flags"/> are <c>Sync:…</c> keys set by flags (null values are left out).</summary>
    public static IConfigurationRoot Build(string? configFile, IEnumerable<KeyValuePair<string, string?>> flags)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false);
        if (configFile is not null)
        {
            if (!File.Exists(configFile))
            {
                throw new FileNotFoundException($"{configFile}: no such configuration file", configFile);
            }

            builder.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        }

        return builder
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(flags.Where(f => f.Value is not null))
            .Build();
    }
}
