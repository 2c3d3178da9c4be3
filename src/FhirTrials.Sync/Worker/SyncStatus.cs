using System.Text.Json;
using FhirTrials.Sync.Engine;

namespace FhirTrials.Sync.Worker;

/// <summary>What the worker is doing and how its last pass went; what <c>/health</c> shows. Thread-safe.</summary>
public sealed class SyncStatus
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private string _state = "starting";
    private SyncReport? _lastReport;
    private DateTimeOffset? _lastSuccess;
    private DateTimeOffset? _runningSince;
    private string? _lastError;
    private int _consecutiveFailures;
    private long _passes;

    public SyncStatus(TimeProvider time) => _time = time;

    /// <summary>starting, running, ok, degraded (some trials failed) or failing (the last pass could not run).</summary>
    public string State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public bool Healthy => State is not "failing";

    public void Running()
    {
        lock (_gate)
        {
            _runningSince = _time.GetUtcNow();
            _state = _passes == 0 ? "starting" : _state;
        }
    }

    public void Finished(SyncReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (_gate)
        {
            _passes++;
            _lastReport = report;
            _runningSince = null;
            _lastError = null;
            _consecutiveFailures = 0;
            _lastSuccess = report.FinishedAt;
            _state = report.Failed > 0 ? "degraded" : "ok";
        }
    }

    public void Failed(string error)
    {
        lock (_gate)
        {
            _passes++;
            _runningSince = null;
            _lastError = error;
            _consecutiveFailures++;
            _state = "failing";
        }
    }

    /// <summary>The health document as JSON.</summary>
    public byte[] ToJson(string? workerId)
    {
        lock (_gate)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteString("status", _state);
                if (workerId is not null)
                {
                    writer.WriteString("worker", workerId);
                }

                writer.WriteNumber("passes", _passes);
                WriteTime(writer, "runningSince", _runningSince);
                WriteTime(writer, "lastSuccessAt", _lastSuccess);
                writer.WriteNumber("consecutiveFailures", _consecutiveFailures);
                if (_lastError is not null)
                {
                    writer.WriteString("lastError", _lastError);
                }

                if (_lastReport is { } report)
                {
                    writer.WriteStartObject("lastRun");
                    writer.WriteString("startedAt", report.StartedAt);
                    WriteTime(writer, "finishedAt", report.FinishedAt);
                    report.WriteCounts(writer);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteString(name, time);
        }
    }
}
