using FhirTrials.Sync.Client;

namespace FhirTrials.Sync.Targets;

/// <summary>A resource as the server holds it now: address, version, time and JSON.</summary>
public sealed record ServerResource(string Type, string Id, string? VersionId, string? LastUpdated, ReadOnlyMemory<byte> Json);

/// <summary>
/// Where the sync writes: a FHIR server over HTTP (<see cref="HttpSyncTarget"/>) or the embedded store
/// in-process (<see cref="EmbeddedSyncTarget"/>). Failures throw <see cref="FhirClientException"/>.
/// </summary>
public interface ISyncTarget
{
    /// <summary>For logs and reports: the base URL or the store.</summary>
    string Description { get; }

    Task<ServerCapabilities> GetCapabilitiesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Processes a transaction Bundle whose entries are all conditional or version-aware (so it may be
    /// repeated after a lost answer); returns the transaction-response Bundle's JSON.
    /// </summary>
    Task<byte[]> TransactionAsync(ReadOnlyMemory<byte> bundle, CancellationToken cancellationToken);

    /// <summary>The current versions of <paramref name="ids"/> of <paramref name="type"/> that exist (deleted and missing ones left out).</summary>
    Task<IReadOnlyList<ServerResource>> ReadManyAsync(string type, IReadOnlyList<string> ids, CancellationToken cancellationToken);
}
