namespace FhirTrials.Sync.Engine.Sending;

/// <summary>
/// Groups trials into chunks of at most the bundle limit (counting each shared entry once) and sends up
/// to <c>parallelism</c> chunks at a time; a failure of a chunk task (the state store, abandonment)
/// surfaces at the next call.
/// </summary>
internal sealed class ChunkDispatcher
{
    private readonly ChunkSender _sender;
    private readonly SyncContext _context;
    private readonly SemaphoreSlim _slots;
    private readonly List<Task> _inFlight = [];
    private readonly HashSet<string> _shared = new(StringComparer.Ordinal);
    private List<PendingTrial> _chunk = [];
    private int _entries;

    public ChunkDispatcher(ChunkSender sender, SyncContext context, int parallelism)
    {
        _sender = sender;
        _context = context;
        _slots = new SemaphoreSlim(parallelism, parallelism);
    }

    public async Task AddAsync(PendingTrial trial)
    {
        var added = trial.Payload.Entries.Count(e => !e.IsShared || !_shared.Contains(e.FullUrl));
        if (_chunk.Count > 0 && _entries + added > _context.Limit.Current)
        {
            await FlushAsync();
            added = trial.Payload.Entries.Count;
        }

        _chunk.Add(trial);
        _entries += added;
        foreach (var entry in trial.Payload.Entries.Where(e => e.IsShared))
        {
            _shared.Add(entry.FullUrl);
        }
    }

    /// <summary>Sends the chunk being filled.</summary>
    public async Task FlushAsync()
    {
        if (_chunk.Count == 0)
        {
            return;
        }

        var chunk = _chunk;
        _chunk = [];
        _entries = 0;
        _shared.Clear();
        ThrowIfFaulted();
        await _slots.WaitAsync(_context.Abandon);
        _inFlight.Add(Task.Run(async () =>
        {
            try
            {
                await _sender.SendChunkAsync(chunk);
            }
            finally
            {
                _slots.Release();
            }
        }));
        _inFlight.RemoveAll(t => t.IsCompletedSuccessfully);
    }

    /// <summary>Waits for every chunk in flight; rethrows the first failure.</summary>
    public async Task WaitAsync()
    {
        await Task.WhenAll(_inFlight);
        _inFlight.Clear();
    }

    private void ThrowIfFaulted()
    {
        if (_inFlight.FirstOrDefault(t => t.IsFaulted || t.IsCanceled) is { } failed)
        {
            failed.GetAwaiter().GetResult();
        }
    }
}
