using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Redress.SharedKernel.Persistence;

/// <summary>What a migration run did: the migrations it applied per module and, on SQLite, the backup it took first.</summary>
public sealed record MigrationReport(DatabaseProvider Provider, IReadOnlyList<ModuleMigrations> Modules, string? BackupPath)
{
    public int AppliedCount => Modules.Sum(m => m.Pending.Count);

    /// <summary>For operators: what was applied, and where the backup is (or that the operator's own applies).</summary>
    public string Describe()
    {
        if (AppliedCount == 0)
        {
            return "The database is up to date; nothing was applied.";
        }

        var applied = string.Join("; ", Modules.Where(m => m.Pending.Count > 0).Select(m => $"{m.Module}: {string.Join(", ", m.Pending)}"));
        var backup = (Provider, BackupPath) switch
        {
            (DatabaseProvider.Sqlite, { } path) => $"Backup taken first: {path}.",
            (DatabaseProvider.Sqlite, null) => "No backup: the database was new.",
            _ => "No backup taken by Redress on PostgreSQL: the operator's own backup applies.",
        };
        return $"Applied {AppliedCount} migrations ({applied}). {backup}";
    }
}

/// <summary>A migration run refused or failed in a way the operator must act on; the message says what and where.</summary>
public sealed class MigrationRefusedException : Exception
{
    public MigrationRefusedException()
    {
    }

    public MigrationRefusedException(string message)
        : base(message)
    {
    }

    public MigrationRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Applies every module's migrations safely (ADR 22): refuses a database that is ahead of the code, takes a SQLite
/// backup with <c>VACUUM INTO</c> before anything is applied to a database that holds data, and checks SQLite's
/// foreign keys afterwards, since a table rebuild runs with them switched off.
/// </summary>
public static class DatabaseMigrator
{
    public static async Task<MigrationReport> MigrateAsync(
        IEnumerable<IModuleDatabase> databases, DatabaseSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        var modules = databases.ToList();
        var states = await EnsureNotAheadAsync(modules, cancellationToken);
        if (states.All(s => s.Pending.Count == 0))
        {
            return new MigrationReport(settings.Provider, states, null);
        }

        string? backup = null;
        var sqlite = settings.Provider == DatabaseProvider.Sqlite;
        if (sqlite && states.Any(s => s.Applied.Count > 0))
        {
            backup = await BackUpSqliteAsync(settings.ResolveConnectionString(), time, cancellationToken);
        }

        foreach (var module in modules)
        {
            await module.MigrateAsync(cancellationToken);
        }

        if (sqlite)
        {
            await CheckSqliteForeignKeysAsync(settings.ResolveConnectionString(), backup, cancellationToken);
        }

        return new MigrationReport(settings.Provider, states, backup);
    }

    /// <summary>Reads every module's state and refuses, naming them, migrations the database has and this build lacks.</summary>
    public static async Task<IReadOnlyList<ModuleMigrations>> EnsureNotAheadAsync(IEnumerable<IModuleDatabase> databases, CancellationToken cancellationToken)
    {
        var states = new List<ModuleMigrations>();
        foreach (var database in databases)
        {
            states.Add(await database.ReadMigrationsAsync(cancellationToken));
        }

        var ahead = states.Where(s => s.Unknown.Count > 0).ToList();
        if (ahead.Count > 0)
        {
            throw new MigrationRefusedException(
                "The database is ahead of this version of Redress: it has migrations this build does not know ("
                + string.Join("; ", ahead.Select(s => $"{s.Module}: {string.Join(", ", s.Unknown)}"))
                + "). Run the version that applied them, or restore the backup taken before they were applied.");
        }

        return states;
    }

    private static async Task<string?> BackUpSqliteAsync(string connectionString, TimeProvider time, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            return null;
        }

        var file = Path.GetFullPath(builder.DataSource);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var backup = Path.Combine(Path.GetDirectoryName(file)!, $"{Path.GetFileNameWithoutExtension(file)}-before-migrate-{stamp}{Path.GetExtension(file)}");
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $path";
        command.Parameters.AddWithValue("$path", backup);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return backup;
    }

    private static async Task CheckSqliteForeignKeysAsync(string connectionString, string? backup, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_key_check";
        var violations = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                // Columns: table, rowid, referenced table, foreign key index.
                var table = $"{reader.GetString(0)} (referencing {reader.GetString(2)})";
                violations[table] = violations.GetValueOrDefault(table) + 1;
            }
        }

        if (violations.Count > 0)
        {
            throw new MigrationRefusedException(
                "Foreign key check failed after migrating: "
                + string.Join(", ", violations.Select(v => $"{v.Key}: {v.Value} rows"))
                + (backup is null ? "." : $". The database as it was before is in {backup}."));
        }
    }
}
