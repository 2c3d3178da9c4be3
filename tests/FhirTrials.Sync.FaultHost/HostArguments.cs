using System.Globalization;
using FhirTrials.Sync.Engine;

namespace FhirTrials.Sync.FaultHost;

/// <summary>The fault host's command line, turned into <see cref="SyncOptions"/> with short retry delays.</summary>
internal sealed class HostArguments
{
    private static readonly string[] Known = ["source", "target", "state", "postgres", "dead-letter", "chunk-size", "parallelism", "worker-id", "timeout-ms", "retry-delay-ms", "max-retry-after-ms"];

    private readonly Dictionary<string, string> _values;

    private HostArguments(Dictionary<string, string> values) => _values = values;

    public static HostArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : throw new ArgumentException($"expected an option, got '{args[i]}'");
            if (!Known.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"unknown option --{name}");
            }

            values[name] = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"--{name} needs a value");
        }

        foreach (var required in new[] { "source", "target" })
        {
            if (!values.ContainsKey(required))
            {
                throw new ArgumentException($"--{required} is required");
            }
        }

        if (values.ContainsKey("state") == values.ContainsKey("postgres"))
        {
            throw new ArgumentException("give exactly one of --state FILE and --postgres CONNECTION");
        }

        return new HostArguments(values);
    }

    public SyncOptions ToOptions()
    {
        var options = new SyncOptions
        {
            Source = { Path = _values["source"], Watch = false },
            Target =
            {
                BaseUrl = new Uri(_values["target"]),
                Timeout = TimeSpan.FromMilliseconds(Number("timeout-ms", 30_000)),
                Retry =
                {
                    BaseDelay = TimeSpan.FromMilliseconds(Number("retry-delay-ms", 5)),
                    MaxDelay = TimeSpan.FromMilliseconds(Number("retry-delay-ms", 5) * 10),
                    MaxRetryAfter = TimeSpan.FromMilliseconds(Number("max-retry-after-ms", 50)),
                },
            },
            ChunkSize = Number("chunk-size", 100),
            Parallelism = Number("parallelism", 1),
            WorkerId = _values.GetValueOrDefault("worker-id"),
            DeadLetterPath = _values.GetValueOrDefault("dead-letter") ?? Path.Combine(Path.GetTempPath(), "fhirtrials-fault-host-dead-letter"),
        };
        if (_values.TryGetValue("postgres", out var connection))
        {
            options.State.Provider = StateProvider.Postgres;
            options.State.ConnectionString = connection;
        }
        else
        {
            options.State.Path = _values["state"];
        }

        return options;
    }

    private int Number(string name, int fallback)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"--{name} must be a positive whole number, not '{text}'");
    }
}

/// <summary>What the host prints when the pass ends.</summary>
internal sealed record HostReport(long Seen, long Unchanged, long Changed, long Sent, long Failed, long Invalid, long Requests, IReadOnlyList<string> Problems);
