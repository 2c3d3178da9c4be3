using FhirTrials.Fhir.Model;

namespace FhirTrials.Server.Search;

/// <summary>A search the server cannot run as asked (HTTP 400 with an OperationOutcome).</summary>
public sealed class SearchException : Exception
{
    public SearchException(string message, IssueType code = IssueType.Invalid)
        : base(message)
    {
        Code = code;
    }

    public SearchException()
        : this("invalid search")
    {
    }

    public SearchException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = IssueType.Invalid;
    }

    /// <summary>The OperationOutcome issue type.</summary>
    public IssueType Code { get; }
}
