using System.Diagnostics.Metrics;

namespace FhirTrials.Sync.Diagnostics;

/// <summary>
/// The sync's instruments on the meter <c>FhirTrials.Sync</c>: trials seen, changed, sent, failed,
/// invalid, removed and drifted (counters), and the latency of FHIR requests (histogram, seconds,
/// tagged with operation and status).
/// </summary>
public sealed class SyncMetrics : IDisposable
{
    public const string MeterName = "FhirTrials.Sync";
    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    public SyncMetrics(IMeterFactory? factory = null)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        _ownsMeter = factory is null;
        Seen = _meter.CreateCounter<long>("fhirtrials.sync.trials.seen", "{trial}", "Trials read from the source");
        Changed = _meter.CreateCounter<long>("fhirtrials.sync.trials.changed", "{trial}", "Trials whose mapped content differs from what the server has");
        Sent = _meter.CreateCounter<long>("fhirtrials.sync.trials.sent", "{trial}", "Trials the server confirmed");
        Failed = _meter.CreateCounter<long>("fhirtrials.sync.trials.failed", "{trial}", "Trials that could not be sent this pass");
        Invalid = _meter.CreateCounter<long>("fhirtrials.sync.trials.invalid", "{trial}", "Trials that failed mapping or validation (dead letters)");
        Removed = _meter.CreateCounter<long>("fhirtrials.sync.trials.removed", "{trial}", "Trials marked or deleted after leaving the source");
        Drifted = _meter.CreateCounter<long>("fhirtrials.sync.resources.drifted", "{resource}", "Synced resources found edited or deleted on the server");
        RequestDuration = _meter.CreateHistogram<double>("fhirtrials.sync.request.duration", "s", "Latency of FHIR requests");
    }

    public Counter<long> Seen { get; }

    public Counter<long> Changed { get; }

    public Counter<long> Sent { get; }

    public Counter<long> Failed { get; }

    public Counter<long> Invalid { get; }

    public Counter<long> Removed { get; }

    public Counter<long> Drifted { get; }

    public Histogram<double> RequestDuration { get; }

    public void RecordRequest(string operation, int status, TimeSpan elapsed) =>
        RequestDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("status", status));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
