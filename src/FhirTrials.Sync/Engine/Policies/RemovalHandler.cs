using System.Net;
using FhirTrials.Sync.Client;
using FhirTrials.Sync.Engine.Sending;
using FhirTrials.Sync.State;

namespace FhirTrials.Sync.Engine;

/// <summary>
/// Applies the removal policy to trials on the server that no source file holds any more (and, under
/// <see cref="RemovalPolicy.Delete"/>, to trials withdrawn in their record): the last ResearchStudy
/// written again with the configured status (version-aware; after a 412 the server's current copy gets
/// the status instead), the trial's resources deleted, or only a report. Never silent: every removal
/// is logged and counted.
/// </summary>
internal sealed class RemovalHandler
{
    private const int BatchSize = 20;
    private readonly SyncContext _context;

    public RemovalHandler(SyncContext context) => _context = context;

    public async Task RunAsync(int listedFiles)
    {
        var orphans = await _context.Store.OrphanedTrialsAsync(_context.Abandon);
        if (orphans.Count == 0)
        {
            return;
        }

        if (listedFiles == 0)
        {
            SyncLog.EmptySource(_context.Logger, orphans.Count);
            _context.Report.Problem(null, "(source)", $"the source lists no files; {orphans.Count} trials on the server were kept");
            return;
        }

        foreach (var batch in orphans.Chunk(BatchSize))
        {
            await using var locks = await _context.Store.Locks.BeginAsync(_context.Abandon);
            foreach (var id in batch.Order(StringComparer.Ordinal))
            {
                await locks.AcquireAsync(PendingTrialKey(id), _context.Abandon);
            }

            var states = await _context.Store.GetTrialsAsync(batch, _context.Abandon);
            foreach (var state in batch.Select(states.GetValueOrDefault).OfType<TrialState>())
            {
                await RemoveAsync(state);
            }
        }
    }

    private static string PendingTrialKey(string id) => TrialPayload.KeyOf(id);

    private async Task RemoveAsync(TrialState state)
    {
        var policy = _context.Options.Removal.Policy;
        try
        {
            var (resources, action) = policy switch
            {
                RemovalPolicy.Delete => (await DeleteAsync(state), "deleted from the server"),
                RemovalPolicy.Status when state.Study is not null => (await MarkAsync(state, _context.Options.Removal.Status), $"ResearchStudy status set to {_context.Options.Removal.Status}"),
                _ => (state.Resources, "kept on the server (removal policy report)"),
            };
            var commit = new StateCommit();
            commit.Trials.Add(state with { Status = TrialSyncStatus.Removed, ContentHash = null, CheckedHash = null, Message = "left the source: " + action, UpdatedAt = _context.Now, Resources = resources });
            await _context.Store.CommitAsync(commit, _context.Abandon);
            _context.Report.AddRemoved();
            _context.Metrics?.Removed.Add(1);
            SyncLog.TrialRemoved(_context.Logger, state.RegistryId, action);
        }
        catch (FhirClientException ex)
        {
            _context.Report.AddFailed();
            _context.Report.Problem(state.RegistryId, state.Source ?? string.Empty, "removal not applied: " + ex.Message);
            SyncLog.TrialFailed(_context.Logger, state.RegistryId, "removal not applied: " + ex.Message);
        }
    }

    private async Task<IReadOnlyList<ResourceState>> DeleteAsync(TrialState state)
    {
        var resources = state.Resources ?? [];
        if (resources.Count == 0)
        {
            return [];
        }

        var entries = resources.Select(r => new OutgoingEntry(null, "DELETE", r.Type + "/" + r.Id, null, null, default)).ToList();
        _context.Report.AddRequest();
        await _context.Target.TransactionAsync(TransactionBundle.Write(entries), _context.Abandon);
        SyncLog.ResourcesDeleted(_context.Logger, string.Join(", ", resources.Select(r => r.Type + "/" + r.Id)));
        return [];
    }

    /// <summary>Writes the stored ResearchStudy with <paramref name="status"/>; after a 412, the server's current copy with it.</summary>
    private async Task<IReadOnlyList<ResourceState>> MarkAsync(TrialState state, string status)
    {
        var resources = (state.Resources ?? []).ToList();
        var index = resources.FindIndex(r => r.Type == "ResearchStudy");
        if (index < 0)
        {
            return resources;
        }

        var study = resources[index];
        var json = TransactionBundle.WithProperty(TransactionBundle.WithId(System.Text.Encoding.UTF8.GetBytes(state.Study!), study.Id), "status", status);
        var ifMatch = _context.Options.UseIfMatch && study.VersionId is not null ? $"W/\"{study.VersionId}\"" : null;
        byte[] response;
        try
        {
            response = await PutAsync(study, json, ifMatch);
        }
        catch (FhirClientException ex) when (ex.Status == HttpStatusCode.PreconditionFailed)
        {
            _context.Report.AddRequest();
            var current = (await _context.Target.ReadManyAsync(study.Type, [study.Id], _context.Abandon)).FirstOrDefault()
                ?? throw new FhirClientException(ex.Status, ex.Outcome, $"{study.Type}/{study.Id} is no longer on the server; nothing to mark");
            json = TransactionBundle.WithProperty(current.Json, "status", status);
            response = await PutAsync(study, json, current.VersionId is null ? null : $"W/\"{current.VersionId}\"");
        }

        var outcome = BundleReader.Entries(response).FirstOrDefault()?.Response is { } r ? EntryOutcome.From(r, study.Type, study.Id) : null;
        resources[index] = study with { VersionId = outcome?.VersionId ?? study.VersionId, LastUpdated = outcome?.LastUpdated, ContentHash = ContentHash.OfResource(json) };
        return resources;
    }

    private Task<byte[]> PutAsync(ResourceState study, byte[] json, string? ifMatch)
    {
        _context.Report.AddRequest();
        var entry = new OutgoingEntry(null, "PUT", study.Type + "/" + study.Id, ifMatch, null, json);
        return _context.Target.TransactionAsync(TransactionBundle.Write([entry]), _context.Abandon);
    }
}
