namespace FhirTrials.Server.Tests.Infrastructure;

/// <summary>A clock tests can move forward; it starts at the real time and never goes back.</summary>
public sealed class TestClock : TimeProvider
{
    private readonly object _gate = new();
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return System.GetUtcNow() + _offset;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _offset += by;
        }
    }
}
