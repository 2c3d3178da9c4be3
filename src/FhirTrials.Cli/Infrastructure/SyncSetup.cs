using System.Data.Common;
using FhirTrials.Sync.Engine;
using FhirTrials.Sync.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace FhirTrials.Cli.Infrastructure;

/// <summary>What <c>sync</c>, <c>worker</c> and <c>run</c> share: reading and checking the sync configuration, and console logging.</summary>
internal static class SyncSetup
{
    /// <summary>
    /// Reads the configuration (files, environment, <paramref name="flags"/>) and checks it; on a problem
    /// writes one line per problem and returns false (exit 2).
    /// </summary>
    public static bool TryLoad(string? configFile, IEnumerable<KeyValuePair<string, string?>> flags, out IConfigurationRoot configuration, out SyncOptions options)
    {
        configuration = null!;
        options = null!;
        try
        {
            configuration = SyncConfiguration.Build(configFile, flags);
            options = SyncConfiguration.Bind(configuration);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or FormatException)
        {
            Terminal.WriteError(ex.Message.ReplaceLineEndings(" "));
            return false;
        }

        var failures = SyncOptionsValidator.Failures(options).ToList();
        foreach (var failure in failures)
        {
            Terminal.WriteError(failure);
        }

        return failures.Count == 0;
    }

    /// <summary>
    /// Console logs on stderr: one line per message on a terminal, JSON lines (structured, with scopes and
    /// event ids) when <paramref name="json"/>.
    /// </summary>
    public static void AddConsole(ILoggingBuilder logging, bool json, LogLevel minimum = LogLevel.Information)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(minimum);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);

        // Start-up failures are reported in one line by the commands; the host would add a stack trace.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        if (json)
        {
            logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
                o.ColorBehavior = Terminal.IsInteractive ? LoggerColorBehavior.Default : LoggerColorBehavior.Disabled;
            });
        }
    }

    /// <summary>A logger factory writing to the console (for commands without a host).</summary>
    public static ILoggerFactory ConsoleLoggers(bool json, LogLevel minimum) =>
        LoggerFactory.Create(logging => AddConsole(logging, json, minimum));

    /// <summary>The flags given (null ones are left out by <see cref="SyncConfiguration.Build"/>).</summary>
    public static KeyValuePair<string, string?> Flag(string key, string? value) => new(SyncOptions.SectionName + ":" + key, value);

    /// <summary>Flags of a value-typed option: only when it was given.</summary>
    public static KeyValuePair<string, string?> Flag<T>(string key, T? value)
        where T : struct, IFormattable => Flag(key, value?.ToString(null, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>True for what stops a host from starting through no fault of the program: bad options, a store or state file that cannot be opened.</summary>
    public static bool IsStartFailure(Exception ex) =>
        ex is OptionsValidationException or IOException or InvalidOperationException or DbException or UnauthorizedAccessException;

    /// <summary>Writes a start-up failure (<see cref="IsStartFailure"/>) as one line per problem; the caller exits 2.</summary>
    public static void WriteStartFailure(Exception ex, string what)
    {
        if (ex is OptionsValidationException options)
        {
            foreach (var failure in options.Failures)
            {
                Terminal.WriteError(failure);
            }

            return;
        }

        Terminal.WriteError($"cannot start {what}: " + ex.Message.ReplaceLineEndings(" "));
    }
}
