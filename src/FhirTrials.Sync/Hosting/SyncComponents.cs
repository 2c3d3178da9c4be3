using FhirTrials.Sync.Client;
using FhirTrials.Sync.Diagnostics;
using FhirTrials.Sync.Engine;
using FhirTrials.Sync.State;
using FhirTrials.Sync.Targets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FhirTrials.Sync.Hosting;

/// <summary>
/// An engine with what it runs on, built from <see cref="SyncOptions"/>: the target (HTTP client, or
/// the embedded store), the state store (SQLite or PostgreSQL); disposing releases them.
/// </summary>
public sealed class SyncComponents : IAsyncDisposable
{
    private readonly List<object> _owned;

    private SyncComponents(SyncEngine engine, ISyncTarget target, ISyncStateStore state, List<object> owned)
    {
        Engine = engine;
        Target = target;
        State = state;
        _owned = owned;
    }

    public SyncEngine Engine { get; }

    public ISyncTarget Target { get; }

    public ISyncStateStore State { get; }

    /// <summary>
    /// Builds the components. <paramref name="target"/> replaces the target the options name (e.g. the
    /// embedded store of a running <c>fhirtrials run</c>).
    /// </summary>
    public static async Task<SyncComponents> CreateAsync(
        SyncOptions options, ILoggerFactory? loggerFactory = null, SyncMetrics? metrics = null, TimeProvider? time = null, ISyncTarget? target = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        loggerFactory ??= NullLoggerFactory.Instance;
        time ??= TimeProvider.System;
        var owned = new List<object>();
        try
        {
            if (target is null && options.Target.BaseUrl is not null)
            {
                var client = new FhirClient(options.Target, time, metrics, loggerFactory.CreateLogger<FhirClient>());
                owned.Add(client);
                target = new HttpSyncTarget(client);
            }
            else if (target is null)
            {
                var embedded = await EmbeddedStore.OpenAsync(options.EmbeddedStore, time, loggerFactory, cancellationToken);
                owned.Add(embedded);
                target = embedded.Target;
            }

            ISyncStateStore state = options.State.Provider == StateProvider.Postgres
                ? new PostgresSyncStateStore(options.State.ConnectionString!, time)
                : new SqliteSyncStateStore(options.State.Path, time);
            owned.Add(state);
            var engine = new SyncEngine(options, target, state, loggerFactory.CreateLogger<SyncEngine>(), metrics, time);
            return new SyncComponents(engine, target, state, owned);
        }
        catch
        {
            await DisposeAllAsync(owned);
            throw;
        }
    }

    public ValueTask DisposeAsync() => new(DisposeAllAsync(_owned));

    private static async Task DisposeAllAsync(List<object> owned)
    {
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            switch (owned[i])
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
                default:
                    break;
            }
        }

        owned.Clear();
    }
}
