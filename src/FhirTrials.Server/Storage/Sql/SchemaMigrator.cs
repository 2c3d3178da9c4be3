using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FhirTrials.Server.Storage.Sql;

/// <summary>One schema migration: its number, name and SQL script (embedded <c>Storage/Schema/&lt;db&gt;/NNNN-name.sql</c>).</summary>
internal sealed record Migration(int Version, string Description, string Script);

/// <summary>
/// Creates the schema and keeps it current: the <c>schema_version</c> table records every migration
/// applied; on start, the scripts numbered above the recorded version run in order, in one
/// transaction (PostgreSQL: under an advisory lock, so that several instances can start at once).
/// </summary>
internal static partial class SchemaMigrator
{
    private const string ResourcePrefix = "FhirTrials.Server.Schema.";

    /// <summary>The migrations for a dialect's schema folder, in order.</summary>
    public static IReadOnlyList<Migration> Load(string folder)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix + folder, StringComparison.Ordinal))
            {
                continue;
            }

            var match = FileName().Match(name[(ResourcePrefix.Length + folder.Length + 1)..]);
            if (!match.Success)
            {
                throw new InvalidOperationException($"embedded migration '{name}' is not named NNNN-description.sql");
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups["n"].ValueSpan, CultureInfo.InvariantCulture), match.Groups["d"].Value, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"{folder} migrations must be numbered 1, 2, 3… without gaps; found {migrations[i].Version} at position {i + 1}");
            }
        }

        return migrations;
    }

    /// <summary>Brings the database to the newest schema; returns the schema version.</summary>
    public static async Task<int> MigrateAsync(SqlDialect dialect, TimeProvider time, CancellationToken cancellationToken)
    {
        var migrations = Load(dialect.SchemaFolder);
        await using var connection = dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await dialect.InitializeAsync(connection, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await dialect.LockForMigrationAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction, new SqlBuilder().Append("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)"), cancellationToken);
        var current = await CurrentVersionAsync(connection, transaction, cancellationToken);
        if (current > migrations.Count)
        {
            throw new InvalidOperationException($"the database schema is version {current}, newer than this program's {migrations.Count}: upgrade FhirTrials");
        }

        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            await ExecuteAsync(connection, transaction, new SqlBuilder().Append(migration.Script), cancellationToken);
            var record = new SqlBuilder().Append("INSERT INTO schema_version (version, description, applied_at) VALUES (");
            record.AppendParam(migration.Version).Append(", ").AppendParam(migration.Description).Append(", ").AppendParam(time.GetUtcNow().ToUnixTimeMilliseconds()).Append(')');
            await ExecuteAsync(connection, transaction, record, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return migrations.Count;
    }

    private static async Task<int> CurrentVersionAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new SqlBuilder().Append("SELECT COALESCE(MAX(version), 0) FROM schema_version").CreateCommand(connection, transaction);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, SqlBuilder sql, CancellationToken cancellationToken)
    {
        await using var command = sql.CreateCommand(connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex(@"^(?<n>[0-9]{4})-(?<d>[a-z0-9\-]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
