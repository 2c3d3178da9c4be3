namespace FhirTrials.Sync.State;

/// <summary>
/// Locks within one process, keyed by a scope (the state store) and a key: every engine of the process
/// that uses the same store shares them.
/// </summary>
public sealed class InProcessLocks : ISyncLocks
{
    private static readonly Dictionary<string, Entry> Table = new(StringComparer.Ordinal);
    private readonly string _scope;

    public InProcessLocks(string scope) => _scope = scope;

    public Task<ISyncLockSet> BeginAsync(CancellationToken cancellationToken) => Task.FromResult<ISyncLockSet>(new LockSet(_scope));

    private static Entry Reference(string name)
    {
        lock (Table)
        {
            if (!Table.TryGetValue(name, out var entry))
            {
                Table[name] = entry = new Entry();
            }

            entry.References++;
            return entry;
        }
    }

    private static void Dereference(string name, Entry entry)
    {
        lock (Table)
        {
            if (--entry.References == 0)
            {
                Table.Remove(name);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int References { get; set; }
    }

    private sealed class LockSet(string scope) : ISyncLockSet
    {
        private readonly Dictionary<string, Entry> _held = new(StringComparer.Ordinal);

        public async Task<bool> TryAcquireAsync(string key, CancellationToken cancellationToken)
        {
            var name = scope + "\n" + key;
            if (_held.ContainsKey(name))
            {
                return true;
            }

            var entry = Reference(name);
            if (await entry.Semaphore.WaitAsync(0, cancellationToken))
            {
                _held[name] = entry;
                return true;
            }

            Dereference(name, entry);
            return false;
        }

        public async Task AcquireAsync(string key, CancellationToken cancellationToken)
        {
            var name = scope + "\n" + key;
            if (_held.ContainsKey(name))
            {
                return;
            }

            var entry = Reference(name);
            try
            {
                await entry.Semaphore.WaitAsync(cancellationToken);
            }
            catch
            {
                Dereference(name, entry);
                throw;
            }

            _held[name] = entry;
        }

        public Task ReleaseAsync(string key, CancellationToken cancellationToken)
        {
            var name = scope + "\n" + key;
            if (_held.Remove(name, out var entry))
            {
                entry.Semaphore.Release();
                Dereference(name, entry);
            }

            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            foreach (var (name, entry) in _held)
            {
                entry.Semaphore.Release();
                Dereference(name, entry);
            }

            _held.Clear();
            return ValueTask.CompletedTask;
        }
    }
}
