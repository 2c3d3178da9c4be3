using System.Globalization;
using FhirTrials.Sync.Client;
using FhirTrials.Sync.Engine.Sending;
using FhirTrials.Sync.State;

namespace FhirTrials.Sync.Engine;

/// <summary>
/// Compares every synced resource with the server (by <c>_id</c> searches of 50 at a time): a resource
/// whose version moved on with other content, or that is gone, has drifted. Drift is reported; under
/// <see cref="DriftPolicy.Overwrite"/> the trial is re-sent in the same pass (its file is read again),
/// otherwise the trial is held in conflict. A newer version with our content is adopted silently.
/// </summary>
internal sealed class DriftChecker
{
    private const int Batch = 50;
    private readonly SyncContext _context;

    public DriftChecker(SyncContext context) => _context = context;

    public async Task RunAsync()
    {
        var drifted = new Dictionary<string, List<DriftFinding>>(StringComparer.Ordinal);
        var adopted = new Dictionary<(string, string), ServerVersion>();
        try
        {
            var batch = new List<ResourceState>();
            await foreach (var resource in _context.Store.ResourcesAsync(_context.Abandon))
            {
                if (batch.Count == Batch || (batch.Count > 0 && batch[0].Type != resource.Type))
                {
                    await CompareAsync(batch, drifted, adopted);
                    batch.Clear();
                }

                batch.Add(resource);
            }

            await CompareAsync(batch, drifted, adopted);
        }
        catch (FhirClientException ex)
        {
            _context.Report.Problem(null, "(drift check)", "the drift check stopped: " + ex.Message);
            return;
        }

        await ApplyAsync(drifted, adopted);
        await _context.Store.SetMetaAsync(SyncEngine.DriftCheckKey, _context.Now.ToString("O", CultureInfo.InvariantCulture), _context.Abandon);
    }

    private async Task CompareAsync(List<ResourceState> batch, Dictionary<string, List<DriftFinding>> drifted, Dictionary<(string, string), ServerVersion> adopted)
    {
        if (batch.Count == 0)
        {
            return;
        }

        _context.Report.AddRequest();
        var current = (await _context.Target.ReadManyAsync(batch[0].Type, [.. batch.Select(r => r.Id)], _context.Abandon))
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
        var overwrite = _context.Options.Drift.Policy == DriftPolicy.Overwrite;
        foreach (var resource in batch)
        {
            DriftFinding? finding = null;
            if (!current.TryGetValue(resource.Id, out var server))
            {
                finding = new DriftFinding(resource.RegistryId, resource.Type, resource.Id, resource.VersionId, null, Deleted: true, overwrite);
            }
            else if (server.VersionId != resource.VersionId)
            {
                if (ContentHash.OfResource(server.Json) == resource.ContentHash)
                {
                    adopted[(resource.Type, resource.Id)] = new ServerVersion(server.VersionId, server.LastUpdated);
                    continue;
                }

                finding = new DriftFinding(resource.RegistryId, resource.Type, resource.Id, resource.VersionId, server.VersionId, Deleted: false, overwrite);
            }

            if (finding is not null)
            {
                if (!drifted.TryGetValue(resource.RegistryId, out var list))
                {
                    drifted[resource.RegistryId] = list = [];
                }

                list.Add(finding);
                _context.Report.AddDrift(finding);
                _context.Metrics?.Drifted.Add(1);
                SyncLog.Drift(_context.Logger, finding.RegistryId, finding.Type, finding.Id, finding.OurVersion, finding.ServerVersion ?? "deleted", overwrite ? "re-sending" : "kept");
            }
        }
    }

    private async Task ApplyAsync(Dictionary<string, List<DriftFinding>> drifted, Dictionary<(string, string), ServerVersion> adopted)
    {
        if (drifted.Count == 0 && adopted.Count == 0)
        {
            return;
        }

        var trialIds = new HashSet<string>(drifted.Keys, StringComparer.Ordinal);
        await foreach (var resource in _context.Store.ResourcesAsync(_context.Abandon))
        {
            if (adopted.ContainsKey((resource.Type, resource.Id)))
            {
                trialIds.Add(resource.RegistryId);
            }
        }

        await using var locks = await _context.Store.Locks.BeginAsync(_context.Abandon);
        foreach (var id in trialIds.Order(StringComparer.Ordinal))
        {
            await locks.AcquireAsync(TrialPayload.KeyOf(id), _context.Abandon);
        }

        var states = await _context.Store.GetTrialsAsync(trialIds, _context.Abandon);
        var commit = new StateCommit();
        foreach (var state in states.Values)
        {
            var findings = drifted.GetValueOrDefault(state.RegistryId) ?? [];
            var deleted = findings.Where(f => f.Deleted).Select(f => (f.Type, f.Id)).ToHashSet();
            var resources = (state.Resources ?? [])
                .Where(r => !deleted.Contains((r.Type, r.Id)))
                .Select(r => adopted.TryGetValue((r.Type, r.Id), out var v) ? r with { VersionId = v.VersionId, LastUpdated = v.LastUpdated } : r)
                .ToList();
            if (findings.Count == 0)
            {
                commit.Trials.Add(state with { Resources = resources });
            }
            else if (_context.Options.Drift.Policy == DriftPolicy.Overwrite)
            {
                var current = findings.Where(f => !f.Deleted).ToDictionary(f => (f.Type, f.Id), f => f.ServerVersion);
                resources = [.. resources.Select(r => current.TryGetValue((r.Type, r.Id), out var v) ? r with { VersionId = v } : r)];
                commit.Trials.Add(state with { Status = TrialSyncStatus.Synced, ContentHash = null, CheckedHash = null, Message = "drifted on the server; re-sent", UpdatedAt = _context.Now, Resources = resources });
                if (state.Source is { } source)
                {
                    commit.InvalidatedSources.Add(source);
                }
            }
            else
            {
                var message = "edited on the server: " + string.Join(", ", findings.Select(f => $"{f.Type}/{f.Id} ({(f.Deleted ? "deleted" : "version " + f.ServerVersion)}, we wrote {f.OurVersion})")) + "; kept (drift policy report)";
                commit.Trials.Add(state with { Status = TrialSyncStatus.Conflict, CheckedHash = state.ContentHash, Message = message, UpdatedAt = _context.Now, Resources = null });
                _context.Report.Problem(state.RegistryId, state.Source ?? string.Empty, message);
            }
        }

        await _context.Store.CommitAsync(commit, _context.Abandon);
    }

    private sealed record ServerVersion(string? VersionId, string? LastUpdated);
}
