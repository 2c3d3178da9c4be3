using System.Text.Json;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Mapping.ClinicalTrialsGov;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;
using FhirTrials.Sync.Engine.Sending;
using FhirTrials.Sync.State;

namespace FhirTrials.Sync.Engine;

public sealed partial class SyncEngine
{
    /// <summary>
    /// Reads the changed files and hands changed, valid trials to the sender in chunks; returns the
    /// files that could not be read. Stops reading when <paramref name="stop"/> fires.
    /// </summary>
    private async Task<IReadOnlyList<SyncProblem>> ScanAsync(SyncContext context, SyncRunOptions run, CancellationToken stop)
    {
        var unreadable = new List<SyncProblem>();
        if (_options.Drift.Policy == DriftPolicy.Overwrite)
        {
            await RereadConflictsAsync(context.Abandon);
        }

        var stored = await _store.SourceHashesAsync(context.Abandon);
        var files = Rotate(_source.ListFiles());
        SourceListedFiles = files.Count;
        var sender = new ChunkSender(context);
        var chunks = new ChunkDispatcher(sender, context, _options.Parallelism);
        var seenIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            if (stop.IsCancellationRequested)
            {
                break;
            }

            var hash = _source.Hash(path);
            if (hash is null)
            {
                continue;
            }

            if (stored.TryGetValue(path, out var known) && known == hash)
            {
                context.Report.AddUnchangedFile();
                continue;
            }

            var file = new FileProgress(path, hash);
            var complete = await ReadFileAsync(context, file, chunks, seenIds, unreadable, stop);
            await SettleAsync(file.FinishReading(complete), context.Abandon);
            run.Progress?.Report(context.Report);
        }

        await chunks.FlushAsync();
        await chunks.WaitAsync();
        if (!stop.IsCancellationRequested)
        {
            await sender.SendDeferredAsync();
            var listed = files.ToHashSet(StringComparer.Ordinal);
            var vanished = stored.Keys.Where(p => !listed.Contains(p)).ToList();
            if (files.Count == 0 && stored.Count > 0)
            {
                SyncLog.EmptySource(_logger, stored.Count);
                context.Report.Problem(null, "(source)", $"the source lists no files; the trials of its {stored.Count} known files are kept on the server");
            }
            else if (vanished.Count > 0)
            {
                var commit = new StateCommit();
                commit.DeletedSources.AddRange(vanished);
                await _store.CommitAsync(commit, context.Abandon);
            }
        }

        run.Progress?.Report(context.Report);
        return unreadable;
    }

    /// <summary>Reads one file's trials; false when the file is bad or reading stopped.</summary>
    private async Task<bool> ReadFileAsync(SyncContext context, FileProgress file, ChunkDispatcher chunks, Dictionary<string, string> seenIds, List<SyncProblem> unreadable, CancellationToken stop)
    {
        try
        {
            foreach (var record in _source.Read(file.Path))
            {
                if (stop.IsCancellationRequested)
                {
                    return false;
                }

                context.Report.AddSeen();
                _metrics?.Seen.Add(1);
                if (!seenIds.TryAdd(record.RegistryId, file.Path))
                {
                    SyncLog.DuplicateTrial(_logger, record.RegistryId, seenIds[record.RegistryId], file.Path);
                    context.Report.Problem(record.RegistryId, file.Path, $"{record.RegistryId} also appears in {seenIds[record.RegistryId]}; ignored here");
                    continue;
                }

                if (await TriageAsync(context, file, record) is { } pending)
                {
                    await chunks.AddAsync(pending);
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is TrialRecordFormatException or CtGovImportException or IOException or UnauthorizedAccessException or JsonException)
        {
            var message = ex.Message.ReplaceLineEndings(" ");
            SyncLog.FileUnreadable(_logger, file.Path, message);
            unreadable.Add(new SyncProblem(null, file.Path, message));
            context.Report.Problem(null, file.Path, message);
            await _deadLetters.WriteAsync(Path.GetFileNameWithoutExtension(file.Path), Server.Outcomes.Outcome.Error(IssueType.Structure, message), context.Abandon);
            return false;
        }
    }

    /// <summary>
    /// Maps and checks one trial: null when there is nothing to send (unchanged, still invalid, held in
    /// conflict, withdrawn under the delete policy, or invalid now), else the trial to send.
    /// </summary>
    private async Task<PendingTrial?> TriageAsync(SyncContext context, FileProgress file, TrialRecord record)
    {
        TrialPayload payload;
        byte[] json;
        try
        {
            (payload, json) = TrialPayload.Map(record, file.Path, _mapper);
        }
        catch (TrialMappingException ex)
        {
            await DeadLetterAsync(context, file, record.RegistryId, null, Server.Outcomes.Outcome.Error(IssueType.Invalid, ex.Message), "cannot be mapped: " + ex.Message);
            return null;
        }

        var prior = (await _store.GetTrialsAsync([record.RegistryId], context.Abandon)).GetValueOrDefault(record.RegistryId);
        var same = prior?.Status switch
        {
            TrialSyncStatus.Synced => prior.ContentHash == payload.BundleHash,
            TrialSyncStatus.Invalid => prior.CheckedHash == payload.BundleHash && _options.Validate,
            TrialSyncStatus.Conflict => prior.CheckedHash == payload.BundleHash && _options.Drift.Policy == DriftPolicy.Report,
            _ => false,
        };
        if (same)
        {
            context.Report.AddUnchanged();
            file.Add(record.RegistryId, pending: false);
            return null;
        }

        if (_options.Removal.Policy == RemovalPolicy.Delete && payload.StudyStatus == "withdrawn")
        {
            return null;
        }

        if (_options.Validate)
        {
            var result = _validator.Validate(FhirJsonParser.ParseNode(json, file.Path));
            if (!result.IsValid)
            {
                var first = result.Issues.First(i => i.IsError);
                var message = $"{result.ErrorCount} validation error(s); first: {first.Expression}: {first.Message}";
                await DeadLetterAsync(context, file, record.RegistryId, prior, result.ToOperationOutcome(), message);
                return null;
            }
        }

        context.Report.AddChanged();
        _metrics?.Changed.Add(1);
        file.Add(record.RegistryId, pending: true);
        return new PendingTrial(payload, file);
    }

    private async Task DeadLetterAsync(SyncContext context, FileProgress file, string registryId, TrialState? prior, OperationOutcome outcome, string message)
    {
        await _deadLetters.WriteAsync(registryId, outcome, context.Abandon);
        var commit = new StateCommit();
        commit.Trials.Add(prior is null
            ? new TrialState(registryId, TrialSyncStatus.Invalid, null, null, file.Path, null, message, _time.GetUtcNow())
            : prior with { Status = TrialSyncStatus.Invalid, Source = file.Path, Message = message, UpdatedAt = _time.GetUtcNow(), Resources = null });
        await _store.CommitAsync(commit, context.Abandon);
        file.Add(registryId, pending: false);
        context.Report.AddInvalid();
        context.Report.Problem(registryId, file.Path, message);
        _metrics?.Invalid.Add(1);
        SyncLog.DeadLettered(_logger, registryId, message);
    }

    private async Task SettleAsync(SourceState? source, CancellationToken cancellationToken)
    {
        if (source is not null)
        {
            var commit = new StateCommit();
            commit.Sources.Add(source);
            await _store.CommitAsync(commit, cancellationToken);
        }
    }

    /// <summary>Under the overwrite policy, the files of trials held in conflict are read again.</summary>
    private async Task RereadConflictsAsync(CancellationToken cancellationToken)
    {
        var commit = new StateCommit();
        await foreach (var trial in _store.TrialsAsync(TrialSyncStatus.Conflict, cancellationToken))
        {
            if (trial.Source is { } source)
            {
                commit.InvalidatedSources.Add(source);
            }
        }

        await _store.CommitAsync(commit, cancellationToken);
    }

    /// <summary>With a worker id, the pass starts at a place of its own, so several workers meet late.</summary>
    private List<string> Rotate(IReadOnlyList<string> files)
    {
        if (_options.WorkerId is not { Length: > 0 } id || files.Count < 2)
        {
            return [.. files];
        }

        var start = (int)(BitConverter.ToUInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)).AsSpan(0, 4)) % (uint)files.Count);
        return [.. files.Skip(start), .. files.Take(start)];
    }
}
