namespace FhirTrials.Server.Storage;

/// <summary>Two writers changed the same resource at once; the losing write is rolled back (HTTP 409).</summary>
public sealed class StoreConflictException : Exception
{
    public StoreConflictException()
    {
    }

    public StoreConflictException(string message)
        : base(message)
    {
    }

    public StoreConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
