using System.Net;
using FhirTrials.Sync.Client;
using FhirTrials.Sync.State;

namespace FhirTrials.Sync.Engine.Sending;

internal sealed partial class ChunkSender
{
    /// <summary>
    /// Sends <paramref name="items"/> as one transaction, or as several when they exceed the bundle
    /// limit. A refusal of the whole bundle for its size lowers the limit and re-splits; a 412/409 or
    /// a 400/422 of several trials is bisected to find the trial it is about.
    /// </summary>
    internal async Task SendAsync(IReadOnlyList<Planned> items, bool conflictRetry)
    {
        if (items.Count == 0)
        {
            return;
        }

        var limit = _context.Limit.Current;
        var plan = ChunkPlan.Create(items, _context.Options);
        if (plan.Entries.Count > limit)
        {
            if (items.Count == 1)
            {
                await FailAsync(items, $"the trial needs {plan.Entries.Count} entries in one transaction; the server takes at most {limit}");
                return;
            }

            foreach (var part in Split(items, limit))
            {
                await SendAsync(part, conflictRetry);
            }

            return;
        }

        byte[] response;
        try
        {
            _context.Report.AddRequest();
            response = await _context.Target.TransactionAsync(plan.Bundle, _context.Abandon);
        }
        catch (FhirClientException ex) when (BundleLimit.IsTooLarge(ex, plan.Entries.Count, out var learned))
        {
            if (_context.Limit.Lower(learned))
            {
                SyncLog.BundleLimitLearned(_context.Logger, learned, ex.Message);
                await _context.Store.SetMetaAsync(SyncEngine.BundleLimitKey, learned.ToString(System.Globalization.CultureInfo.InvariantCulture), _context.Abandon);
            }

            if (_context.Limit.Current >= plan.Entries.Count)
            {
                _context.Limit.Lower(plan.Entries.Count - 1);
            }

            await SendAsync(items, conflictRetry);
            return;
        }
        catch (FhirClientException ex) when (items.Count > 1 && ex.Status is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict or HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity)
        {
            var half = items.Count / 2;
            await SendAsync(items.Take(half).ToList(), conflictRetry);
            await SendAsync(items.Skip(half).ToList(), conflictRetry);
            return;
        }
        catch (FhirClientException ex) when (ex.Status is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict)
        {
            if (conflictRetry)
            {
                await _conflicts.ResolveAsync(items[0], ex);
            }
            else
            {
                await FailAsync(items, ex.Message);
            }

            return;
        }
        catch (FhirClientException ex) when (ex.Status is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity)
        {
            await DeadLetterAsync(items[0], ex.Outcome, "rejected by the server: " + ex.Message);
            return;
        }
        catch (FhirClientException ex)
        {
            await FailAsync(items, ex.Message);
            return;
        }

        await ConfirmAsync(items, plan, response);
    }

    /// <summary>Splits into groups of whole trials of at most <paramref name="limit"/> entries (shared entries counted once per group).</summary>
    private List<List<Planned>> Split(IReadOnlyList<Planned> items, int limit)
    {
        var parts = new List<List<Planned>>();
        var current = new List<Planned>();
        foreach (var item in items)
        {
            current.Add(item);
            if (current.Count > 1 && ChunkPlan.Create(current, _context.Options).Entries.Count > limit)
            {
                current.RemoveAt(current.Count - 1);
                parts.Add(current);
                current = [item];
            }
        }

        parts.Add(current);
        return parts;
    }

    private async Task ConfirmAsync(IReadOnlyList<Planned> items, ChunkPlan plan, byte[] response)
    {
        IReadOnlyList<EntryResponse?> responses;
        try
        {
            responses = [.. BundleReader.Entries(response).Select(e => e.Response)];
        }
        catch (FhirClientException ex)
        {
            await FailAsync(items, "the transaction-response cannot be read: " + ex.Message);
            return;
        }

        if (responses.Count != plan.Entries.Count)
        {
            await FailAsync(items, $"the transaction-response has {responses.Count} entries for {plan.Entries.Count} sent");
            return;
        }

        var commit = new StateCommit();
        var addresses = new Dictionary<string, string>(StringComparer.Ordinal);
        var outcomes = new EntryOutcome?[plan.Entries.Count];
        for (var i = 0; i < plan.Entries.Count; i++)
        {
            var sent = plan.Entries[i];
            if (responses[i] is { } entryResponse)
            {
                outcomes[i] = EntryOutcome.From(entryResponse, sent.Target.Type, sent.Target.Id);
            }

            if (sent.FullUrl is { } fullUrl && (outcomes[i]?.Id ?? sent.Target.Id) is { } id)
            {
                addresses[fullUrl] = (outcomes[i]?.Type ?? sent.Target.Type) + "/" + id;
                if (sent.IfNoneExist is not null)
                {
                    commit.Shared[fullUrl] = addresses[fullUrl];
                }
            }
        }

        long resources = 0;
        foreach (var item in items)
        {
            var owned = new List<ResourceState>();
            string? study = null;
            foreach (var (index, entry) in plan.OwnedBy(item))
            {
                var outcome = outcomes[index];
                var stored = ReferenceRewriter.Resolve(plan.Entries[index].Resource, addresses);
                owned.Add(new ResourceState(
                    outcome?.Type ?? entry.Type, outcome?.Id ?? entry.Id ?? string.Empty, item.Payload.RegistryId, entry.FullUrl, entry.Url, outcome?.VersionId, outcome?.LastUpdated, ContentHash.OfResource(stored)));
                study ??= entry.Type == "ResearchStudy" ? System.Text.Encoding.UTF8.GetString(stored) : null;
                resources++;
            }

            commit.Trials.Add(new TrialState(item.Payload.RegistryId, TrialSyncStatus.Synced, item.Payload.BundleHash, item.Payload.BundleHash, item.Payload.Source, study, null, _context.Now)
            {
                Resources = owned,
            });
        }

        foreach (var item in items)
        {
            AddSource(commit, item.Trial.File.Complete(success: true));
            _context.DeadLetters.Remove(item.Payload.RegistryId);
        }

        await _context.Store.CommitAsync(commit, _context.Abandon);
        _context.Report.AddSent(items.Count, resources);
        _context.Metrics?.Sent.Add(items.Count);
        SyncLog.ChunkConfirmed(_context.Logger, items.Count, plan.Entries.Count);
    }

    /// <summary>Trials not sent this pass: reported, their files left unsettled, their state untouched.</summary>
    internal Task FailAsync(IReadOnlyList<Planned> items, string message)
    {
        foreach (var item in items)
        {
            _context.Report.Problem(item.Payload.RegistryId, item.Payload.Source, message);
            item.Trial.File.Complete(success: false);
            SyncLog.TrialFailed(_context.Logger, item.Payload.RegistryId, message);
        }

        _context.Report.AddFailed(items.Count);
        _context.Metrics?.Failed.Add(items.Count);
        return Task.CompletedTask;
    }

    /// <summary>A trial the server refused as invalid: a dead letter with the server's OperationOutcome, not retried until it changes.</summary>
    private async Task DeadLetterAsync(Planned item, Fhir.Model.OperationOutcome? outcome, string message)
    {
        outcome ??= Server.Outcomes.Outcome.Error(Fhir.Model.IssueType.Invalid, message);
        await _context.DeadLetters.WriteAsync(item.Payload.RegistryId, outcome, _context.Abandon);
        var state = item.State is { } previous
            ? previous with { Status = TrialSyncStatus.Invalid, CheckedHash = item.Payload.BundleHash, Source = item.Payload.Source, Message = message, UpdatedAt = _context.Now, Resources = null }
            : new TrialState(item.Payload.RegistryId, TrialSyncStatus.Invalid, null, item.Payload.BundleHash, item.Payload.Source, null, message, _context.Now);
        var commit = new StateCommit();
        commit.Trials.Add(state);
        AddSource(commit, item.Trial.File.Complete(success: true));
        await _context.Store.CommitAsync(commit, _context.Abandon);
        _context.Report.AddInvalid();
        _context.Report.Problem(item.Payload.RegistryId, item.Payload.Source, message);
        _context.Metrics?.Invalid.Add(1);
        SyncLog.DeadLettered(_context.Logger, item.Payload.RegistryId, message);
    }
}
