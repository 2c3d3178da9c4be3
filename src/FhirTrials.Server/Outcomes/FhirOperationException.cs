using FhirTrials.Fhir.Model;

namespace FhirTrials.Server.Outcomes;

/// <summary>
/// An interaction that fails with an HTTP status and an OperationOutcome (404, 409, 410, 412, 422…):
/// REST answers with them; a transaction rolls back and answers with them; a batch entry records them.
/// </summary>
public sealed class FhirOperationException : Exception
{
    public FhirOperationException(int status, OperationOutcome outcome)
        : base(Outcomes.Outcome.Summary(outcome))
    {
        Status = status;
        Outcome = outcome;
    }

    public FhirOperationException(int status, IssueType code, string message)
        : this(status, Outcomes.Outcome.Error(code, message))
    {
    }

    public FhirOperationException()
        : this(500, IssueType.Exception, "the server failed")
    {
    }

    public FhirOperationException(string message)
        : this(400, IssueType.Invalid, message)
    {
    }

    public FhirOperationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 500;
        Outcome = Outcomes.Outcome.Error(IssueType.Exception, message);
    }

    /// <summary>The HTTP status code.</summary>
    public int Status { get; }

    public OperationOutcome Outcome { get; }
}
