using System.Net;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Sync.Client;

/// <summary>
/// A FHIR interaction that failed: the HTTP status (0 when no answer came: timeout, refused or dropped
/// connection, open circuit), the server's OperationOutcome when it sent one, and a one-line message
/// such as <c>PUT ResearchStudy?identifier=…: 412 Precondition Failed: version conflict</c>.
/// </summary>
public sealed class FhirClientException : Exception
{
    public FhirClientException(HttpStatusCode status, OperationOutcome? outcome, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        Outcome = outcome;
    }

    public FhirClientException()
        : this(0, null, "the FHIR request failed")
    {
    }

    public FhirClientException(string message)
        : this(0, null, message)
    {
    }

    public FhirClientException(string message, Exception innerException)
        : this(0, null, message, innerException)
    {
    }

    /// <summary>The HTTP status, or 0 when no answer came.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The OperationOutcome the server sent, when it sent one.</summary>
    public OperationOutcome? Outcome { get; }

    /// <summary>True when no answer came or the server said to try again later (429, 5xx).</summary>
    public bool IsTransient => Status == 0 || Status == HttpStatusCode.TooManyRequests || (int)Status >= 500;

    /// <summary>The failure of <paramref name="what"/> (e.g. <c>POST [base]</c>) from the answer <paramref name="response"/>.</summary>
    public static FhirClientException FromResponse(string what, FhirResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var outcome = OperationOutcomes.TryParse(response.Body);
        var detail = outcome is null ? OperationOutcomes.BodySnippet(response.Body) : OperationOutcomes.Summary(outcome);
        var message = $"{what}: {(int)response.Status} {OperationOutcomes.ReasonPhrase(response.Status)}" + (detail.Length > 0 ? ": " + detail : string.Empty);
        return new FhirClientException(response.Status, outcome, message);
    }
}
