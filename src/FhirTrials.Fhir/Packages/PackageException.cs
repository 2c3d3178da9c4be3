namespace FhirTrials.Fhir.Packages;

/// <summary>A FHIR package could not be found, fetched, verified or read.</summary>
public sealed class PackageException : Exception
{
    public PackageException(string message)
        : base(message)
    {
    }

    public PackageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PackageException()
    {
    }
}
