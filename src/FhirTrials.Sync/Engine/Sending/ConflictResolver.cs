using FhirTrials.Sync.Client;
using FhirTrials.Sync.State;
using FhirTrials.Sync.Targets;

namespace FhirTrials.Sync.Engine.Sending;

/// <summary>
/// After a 412 (or 409) on a trial's version-aware updates: re-reads the trial's resources and tells
/// the server's own versions of our content (a write whose answer was lost, or an unchanged touch)
/// from edits by others (drift). Without drift it retries with the current versions; with drift it
/// follows the drift policy: overwrite (retry with the current versions) or keep the server's copy and
/// hold the trial in conflict.
/// </summary>
internal sealed class ConflictResolver
{
    private readonly SyncContext _context;
    private readonly ChunkSender _sender;

    public ConflictResolver(SyncContext context, ChunkSender sender)
    {
        _context = context;
        _sender = sender;
    }

    public async Task ResolveAsync(ChunkSender.Planned item, FhirClientException error)
    {
        var state = item.State;
        if (state?.Resources is not { Count: > 0 } known)
        {
            await _sender.FailAsync([item], error.Message);
            return;
        }

        var addresses = new Dictionary<string, string>(await _context.Store.SharedAsync([.. item.Payload.Entries.Where(e => e.IsShared).Select(e => e.FullUrl)], _context.Abandon), StringComparer.Ordinal);
        foreach (var resource in known)
        {
            addresses[resource.FullUrl] = resource.Type + "/" + resource.Id;
        }

        var produced = item.Payload.Entries.Where(e => !e.IsShared).ToDictionary(e => e.Url, e => ContentHash.OfResource(ReferenceRewriter.Resolve(e.Resource, addresses)), StringComparer.Ordinal);
        var current = await ReadCurrentAsync(known);
        var adopted = new List<ResourceState>();
        var drift = new List<DriftFinding>();
        var overwrite = _context.Options.Drift.Policy == DriftPolicy.Overwrite;
        foreach (var resource in known)
        {
            if (!current.TryGetValue((resource.Type, resource.Id), out var server))
            {
                drift.Add(new DriftFinding(item.Payload.RegistryId, resource.Type, resource.Id, resource.VersionId, null, Deleted: true, overwrite));
                continue;
            }

            var serverHash = ContentHash.OfResource(server.Json);
            var ours = server.VersionId == resource.VersionId
                || serverHash == resource.ContentHash
                || (produced.TryGetValue(resource.RequestUrl, out var sending) && serverHash == sending);
            if (!ours)
            {
                drift.Add(new DriftFinding(item.Payload.RegistryId, resource.Type, resource.Id, resource.VersionId, server.VersionId, Deleted: false, overwrite));
            }

            adopted.Add(resource with { VersionId = server.VersionId, LastUpdated = server.LastUpdated });
        }

        foreach (var finding in drift)
        {
            _context.Report.AddDrift(finding);
            _context.Metrics?.Drifted.Add(1);
            SyncLog.Drift(_context.Logger, finding.RegistryId, finding.Type, finding.Id, finding.OurVersion, finding.ServerVersion ?? "deleted", overwrite ? "overwritten" : "kept");
        }

        if (drift.Count == 0 || overwrite)
        {
            await _sender.SendAsync([item with { State = state with { Resources = adopted } }], conflictRetry: false);
            return;
        }

        var message = "edited on the server: " + string.Join(", ", drift.Select(d => $"{d.Type}/{d.Id} ({(d.Deleted ? "deleted" : "version " + d.ServerVersion)}, we wrote {d.OurVersion})"))
            + "; kept (drift policy report)";
        var commit = new StateCommit();
        commit.Trials.Add(state with { Status = TrialSyncStatus.Conflict, CheckedHash = item.Payload.BundleHash, Message = message, UpdatedAt = _context.Now, Resources = null });
        var source = item.Trial.File.Complete(success: true);
        if (source is not null)
        {
            commit.Sources.Add(source);
        }

        await _context.Store.CommitAsync(commit, _context.Abandon);
        _context.Report.Problem(item.Payload.RegistryId, item.Payload.Source, message);
    }

    private async Task<Dictionary<(string, string), ServerResource>> ReadCurrentAsync(IReadOnlyList<ResourceState> known)
    {
        var current = new Dictionary<(string, string), ServerResource>();
        foreach (var group in known.GroupBy(r => r.Type, StringComparer.Ordinal))
        {
            _context.Report.AddRequest();
            foreach (var resource in await _context.Target.ReadManyAsync(group.Key, [.. group.Select(r => r.Id)], _context.Abandon))
            {
                current[(resource.Type, resource.Id)] = resource;
            }
        }

        return current;
    }
}
