namespace FhirTrials.Sync.Engine;

/// <summary>A pass cannot run at all (the server is not R4, has no transactions, the state belongs to another target); the message is one line.</summary>
public sealed class SyncException : Exception
{
    public SyncException()
    {
    }

    public SyncException(string message)
        : base(message)
    {
    }

    public SyncException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
