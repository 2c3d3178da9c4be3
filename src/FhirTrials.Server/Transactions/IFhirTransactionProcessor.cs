using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Server.Transactions;

/// <summary>
/// The in-process write API: processes a <c>transaction</c> or <c>batch</c> Bundle against the store
/// exactly as <c>POST [base]</c> does, without HTTP (the sync worker writes to the embedded store with it).
/// A transaction is atomic (one database transaction; on any failure nothing is written and
/// <see cref="Outcomes.FhirOperationException"/> is thrown with the HTTP status and OperationOutcome);
/// a batch reports failures per entry. Returns the <c>transaction-response</c>/<c>batch-response</c> Bundle.
/// </summary>
public interface IFhirTransactionProcessor
{
    Task<Bundle> ProcessAsync(Bundle bundle, CancellationToken cancellationToken);

    Task<ElementNode> ProcessAsync(ElementNode bundle, CancellationToken cancellationToken);

    /// <summary>Processes Bundle JSON; <paramref name="options"/> choose what entries return and the base URL of <c>fullUrl</c>s.</summary>
    Task<TransactionResult> ProcessAsync(ReadOnlyMemory<byte> bundleJson, TransactionOptions options, CancellationToken cancellationToken);
}

/// <summary>What the response entries carry (<c>Prefer: return</c>) and the server base for fullUrls.</summary>
public sealed record TransactionOptions(ReturnPreference Return, string BaseUrl);

/// <summary><c>Prefer: return=minimal|representation|OperationOutcome</c>.</summary>
public enum ReturnPreference
{
    Minimal,
    Representation,
    OperationOutcome,
}
