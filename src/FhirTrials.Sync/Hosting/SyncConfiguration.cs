using FhirTrials.Sync.Engine;
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

    /// <summary>
    /// The <c>Sync</c> section as options, with <see cref="ApplyDefaults"/>. Throws <see cref="InvalidDataException"/>
    /// (one line naming the key) for a value that does not convert.
    /// </summary>
    public static SyncOptions Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new SyncOptions();
        try
        {
            configuration.GetSection(SyncOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidDataException((ex.InnerException is { } inner ? ex.Message + " (" + inner.Message + ")" : ex.Message).ReplaceLineEndings(" "), ex);
        }

        ApplyDefaults(options, configuration);
        return options;
    }

    /// <summary>
    /// Defaults that depend on other settings: writing the embedded store without a configured state file,
    /// the state lives beside the store (<c>fhirtrials.db</c> → <c>fhirtrials-sync.db</c>), so a new store
    /// starts with new state rather than state claiming trials it never received.
    /// </summary>
    public static void ApplyDefaults(SyncOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        if (options.Target.BaseUrl is null && options.State.Provider == StateProvider.Sqlite
            && configuration[SyncOptions.SectionName + ":State:Path"] is null && !string.IsNullOrWhiteSpace(options.EmbeddedStore))
        {
            options.State.Path = StatePathBeside(options.EmbeddedStore);
        }
    }

    /// <summary>The state file beside an embedded store file.</summary>
    public static string StatePathBeside(string storePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storePath);
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storePath))!, Path.GetFileNameWithoutExtension(storePath) + "-sync.db");
    }
}
