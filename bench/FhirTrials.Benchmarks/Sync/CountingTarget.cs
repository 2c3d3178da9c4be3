using System.Text.Json;
using FhirTrials.Sync.Client;
using FhirTrials.Sync.Targets;

namespace FhirTrials.Benchmarks.Sync;

/// <summary>A sync target that counts the transactions and entries written through it.</summary>
public sealed class CountingTarget(ISyncTarget inner) : ISyncTarget
{
    private long _transactions;
    private long _entries;

    public long Transactions => Interlocked.Read(ref _transactions);

    public long Entries => Interlocked.Read(ref _entries);

    public string Description => inner.Description;

    public Task<ServerCapabilities> GetCapabilitiesAsync(CancellationToken cancellationToken) => inner.GetCapabilitiesAsync(cancellationToken);

    public Task<byte[]> TransactionAsync(ReadOnlyMemory<byte> bundle, CancellationToken cancellationToken)
    {
        using (var document = JsonDocument.Parse(bundle))
        {
            Interlocked.Add(ref _entries, document.RootElement.TryGetProperty("entry", out var entries) ? entries.GetArrayLength() : 0);
        }

        Interlocked.Increment(ref _transactions);
        return inner.TransactionAsync(bundle, cancellationToken);
    }

    public Task<IReadOnlyList<ServerResource>> ReadManyAsync(string type, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        inner.ReadManyAsync(type, ids, cancellationToken);
}
