using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace FhirTrials.Sync.State;

public abstract partial class SqlSyncStateStore
{
    private const string TrialColumns = "registry_id, status, content_hash, checked_hash, source, study, message, updated_at";
    private const string ResourceColumns = "resource_type, resource_id, registry_id, full_url, request_url, version_id, last_updated, content_hash";

    public async Task<IReadOnlyDictionary<string, TrialState>> GetTrialsAsync(IReadOnlyCollection<string> registryIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registryIds);
        var trials = new Dictionary<string, TrialState>(StringComparer.Ordinal);
        var resources = new Dictionary<string, List<ResourceState>>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var batch in Batches(registryIds.Distinct(StringComparer.Ordinal)))
        {
            var names = string.Join(", ", batch.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)));
            var parameters = batch.Select((id, i) => ("p" + i.ToString(CultureInfo.InvariantCulture), (object?)id)).ToArray();
            await using (var command = Command(connection, null, $"SELECT {TrialColumns} FROM sync_trial WHERE registry_id IN ({names})", parameters))
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var trial = ReadTrial(reader);
                    trials[trial.RegistryId] = trial;
                }
            }

            await using (var command = Command(connection, null, $"SELECT {ResourceColumns} FROM sync_resource WHERE registry_id IN ({names}) ORDER BY resource_type, resource_id", parameters))
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var resource = ReadResource(reader);
                    if (!resources.TryGetValue(resource.RegistryId, out var list))
                    {
                        resources[resource.RegistryId] = list = [];
                    }

                    list.Add(resource);
                }
            }
        }

        return trials.ToDictionary(
            pair => pair.Key,
            pair => pair.Value with { Resources = resources.TryGetValue(pair.Key, out var list) ? list : [] },
            StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, string>> SharedAsync(IReadOnlyCollection<string> fullUrls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fullUrls);
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var batch in Batches(fullUrls.Distinct(StringComparer.Ordinal)))
        {
            var names = string.Join(", ", batch.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)));
            var parameters = batch.Select((url, i) => ("p" + i.ToString(CultureInfo.InvariantCulture), (object?)url)).ToArray();
            await using var command = Command(connection, null, $"SELECT full_url, resource_type, resource_id FROM sync_shared WHERE full_url IN ({names})", parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                shared[reader.GetString(0)] = reader.GetString(1) + "/" + reader.GetString(2);
            }
        }

        return shared;
    }

    public async Task CommitAsync(StateCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (commit.IsEmpty)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var trial in commit.Trials)
        {
            await WriteTrialAsync(connection, transaction, trial, cancellationToken);
        }

        foreach (var (fullUrl, address) in commit.Shared)
        {
            var slash = address.IndexOf('/', StringComparison.Ordinal);
            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO sync_shared (full_url, resource_type, resource_id) VALUES (@full, @type, @id) ON CONFLICT (full_url) DO UPDATE SET resource_type = excluded.resource_type, resource_id = excluded.resource_id",
                cancellationToken,
                ("full", fullUrl),
                ("type", address[..slash]),
                ("id", address[(slash + 1)..]));
        }

        foreach (var path in commit.DeletedSources)
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM sync_source_trial WHERE path = @path", cancellationToken, ("path", path));
            await ExecuteAsync(connection, transaction, "DELETE FROM sync_source WHERE path = @path", cancellationToken, ("path", path));
        }

        foreach (var path in commit.InvalidatedSources)
        {
            await ExecuteAsync(connection, transaction, "UPDATE sync_source SET hash = '' WHERE path = @path", cancellationToken, ("path", path));
        }

        foreach (var source in commit.Sources)
        {
            await ExecuteAsync(connection, transaction, "INSERT INTO sync_source (path, hash, updated_at) VALUES (@path, @hash, @now) ON CONFLICT (path) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at", cancellationToken, ("path", source.Path), ("hash", source.Hash), ("now", Now()));
            await ExecuteAsync(connection, transaction, "DELETE FROM sync_source_trial WHERE path = @path", cancellationToken, ("path", source.Path));
            foreach (var id in source.RegistryIds.Distinct(StringComparer.Ordinal))
            {
                await ExecuteAsync(connection, transaction, "INSERT INTO sync_source_trial (path, registry_id) VALUES (@path, @id)", cancellationToken, ("path", source.Path), ("id", id));
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async IAsyncEnumerable<TrialState> TrialsAsync(TrialSyncStatus status, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {TrialColumns} FROM sync_trial WHERE status = @status ORDER BY registry_id", ("status", Status(status)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return ReadTrial(reader);
        }
    }

    public async IAsyncEnumerable<ResourceState> ResourcesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(
            connection,
            null,
            $"SELECT {string.Join(", ", ResourceColumns.Split(", ").Select(c => "r." + c))} FROM sync_resource r JOIN sync_trial t ON t.registry_id = r.registry_id WHERE t.status IN ('synced', 'conflict') ORDER BY r.resource_type, r.resource_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return ReadResource(reader);
        }
    }

    private async Task WriteTrialAsync(DbConnection connection, DbTransaction transaction, TrialState trial, CancellationToken cancellationToken)
    {
        await ExecuteAsync(
            connection,
            transaction,
            $"INSERT INTO sync_trial ({TrialColumns}) VALUES (@id, @status, @content, @checked, @source, @study, @message, @now) "
            + "ON CONFLICT (registry_id) DO UPDATE SET status = excluded.status, content_hash = excluded.content_hash, checked_hash = excluded.checked_hash, "
            + "source = excluded.source, study = excluded.study, message = excluded.message, updated_at = excluded.updated_at",
            cancellationToken,
            ("id", trial.RegistryId),
            ("status", Status(trial.Status)),
            ("content", trial.ContentHash),
            ("checked", trial.CheckedHash),
            ("source", trial.Source),
            ("study", trial.Study),
            ("message", trial.Message),
            ("now", trial.UpdatedAt.ToString("O", CultureInfo.InvariantCulture)));
        if (trial.Resources is not { } resources)
        {
            return;
        }

        await ExecuteAsync(connection, transaction, "DELETE FROM sync_resource WHERE registry_id = @id", cancellationToken, ("id", trial.RegistryId));
        foreach (var resource in resources)
        {
            await ExecuteAsync(
                connection,
                transaction,
                $"INSERT INTO sync_resource ({ResourceColumns}) VALUES (@type, @rid, @id, @full, @url, @version, @updated, @hash) "
                + "ON CONFLICT (resource_type, resource_id) DO UPDATE SET registry_id = excluded.registry_id, full_url = excluded.full_url, request_url = excluded.request_url, "
                + "version_id = excluded.version_id, last_updated = excluded.last_updated, content_hash = excluded.content_hash",
                cancellationToken,
                ("type", resource.Type),
                ("rid", resource.Id),
                ("id", trial.RegistryId),
                ("full", resource.FullUrl),
                ("url", resource.RequestUrl),
                ("version", resource.VersionId),
                ("updated", resource.LastUpdated),
                ("hash", resource.ContentHash));
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static TrialState ReadTrial(DbDataReader reader) => new(
        reader.GetString(0),
        ParseStatus(reader.GetString(1)),
        Nullable(reader, 2),
        Nullable(reader, 3),
        Nullable(reader, 4),
        Nullable(reader, 5),
        Nullable(reader, 6),
        DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));

    private static ResourceState ReadResource(DbDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), Nullable(reader, 5), Nullable(reader, 6), reader.GetString(7));

    private static string? Nullable(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
