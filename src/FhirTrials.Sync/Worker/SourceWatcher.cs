namespace FhirTrials.Sync.Worker;

/// <summary>
/// Watches the source folder: <see cref="WaitAsync"/> returns once files changed and the folder then
/// stayed quiet for the settle delay (so a copy of many files starts one pass, not many).
/// </summary>
public sealed class SourceWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly TimeSpan _settle;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _changed = new(0, 1);
    private long _lastChange;

    public SourceWatcher(string folder, TimeSpan settle, TimeProvider time)
    {
        _settle = settle;
        _time = time;
        _watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += (_, _) => Signal();
        _watcher.Created += (_, _) => Signal();
        _watcher.Deleted += (_, _) => Signal();
        _watcher.Renamed += (_, _) => Signal();
        _watcher.Error += (_, _) => Signal();
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Completes when files changed and then stayed unchanged for the settle delay.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _changed.WaitAsync(cancellationToken);
        while (true)
        {
            await Task.Delay(_settle, _time, cancellationToken);
            var quiet = _time.GetElapsedTime(Interlocked.Read(ref _lastChange));
            if (quiet >= _settle)
            {
                while (_changed.CurrentCount > 0)
                {
                    await _changed.WaitAsync(cancellationToken);
                }

                return;
            }
        }
    }

    private void Signal()
    {
        Interlocked.Exchange(ref _lastChange, _time.GetTimestamp());
        try
        {
            if (_changed.CurrentCount == 0)
            {
                _changed.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _changed.Dispose();
    }
}
