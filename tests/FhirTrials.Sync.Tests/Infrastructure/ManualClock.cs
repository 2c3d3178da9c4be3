namespace FhirTrials.Sync.Tests.Infrastructure;

/// <summary>
/// A clock that moves only when told: timers (Polly's delays and timeouts, PeriodicTimer) fire when
/// <see cref="Advance"/> passes their due time, so tests check waits without waiting.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;

    public ManualClock(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>The due times (from now) of the timers waiting.</summary>
    public IReadOnlyList<TimeSpan> Pending()
    {
        lock (_gate)
        {
            return [.. _timers.Where(t => t.Due is not null).Select(t => t.Due!.Value - _now).Order()];
        }
    }

    /// <summary>Waits (really) until a timer due in exactly <paramref name="due"/> is pending.</summary>
    public async Task WaitForTimerAsync(TimeSpan due, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!Pending().Contains(due))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no timer due in {due} was started; pending: {string.Join(", ", Pending())}");
            }

            await Task.Delay(5);
        }
    }

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_gate)
        {
            _now += by;
            due = [.. _timers.Where(t => t.Due is { } d && d <= _now)];
            foreach (var timer in due)
            {
                timer.Due = timer.Period is { } period ? _now + period : null;
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }

        public TimeSpan? Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
                Due = dueTime == Timeout.InfiniteTimeSpan ? null
                    : dueTime == TimeSpan.Zero ? (Period is { } p ? clock._now + p : null)
                    : clock._now + dueTime;
            }

            if (dueTime == TimeSpan.Zero)
            {
                Fire();
            }

            return true;
        }

        public void Fire() => ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);

        public void Dispose()
        {
            lock (clock._gate)
            {
                Due = null;
                clock._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
