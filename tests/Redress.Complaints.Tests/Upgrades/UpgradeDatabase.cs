using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Redress.Complaints.Data;
using Redress.SharedKernel.Persistence;

namespace Redress.Complaints.Tests.Upgrades;

/// <summary>
/// An empty database of either provider for one upgrade test: a SQLite file in a temporary folder, or a PostgreSQL
/// database of its own on the server named by REDRESS_TEST_POSTGRES, dropped afterwards.
/// </summary>
internal sealed class UpgradeDatabase : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "redress-upgrade-tests", Guid.NewGuid().ToString("N"));
    private readonly string _postgresName = $"redress_upgrade_{Guid.NewGuid():N}";
    private readonly DatabaseSettings _settings;

    private UpgradeDatabase(DatabaseProvider provider)
    {
        Provider = provider;
        _settings = provider == DatabaseProvider.Sqlite
            ? new DatabaseSettings { Provider = provider, DataDirectory = _folder }
            : new DatabaseSettings { Provider = provider, ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _postgresName }.ConnectionString };
    }

    public DatabaseProvider Provider { get; }

    private static string? PostgresServer => Environment.GetEnvironmentVariable("REDRESS_TEST_POSTGRES");

    /// <summary>A fresh empty database; skips a PostgreSQL test where no server is configured (fails under CI).</summary>
    public static async Task<UpgradeDatabase> CreateAsync(DatabaseProvider provider, CancellationToken cancellationToken)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            if (PostgresServer is null)
            {
                Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "REDRESS_TEST_POSTGRES must be set under CI.");
                Assert.Skip("No PostgreSQL server: set REDRESS_TEST_POSTGRES or run scripts/test.sh.");
            }

            var database = new UpgradeDatabase(provider);
            await using var connection = new NpgsqlConnection(PostgresServer);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database._postgresName}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return database;
        }

        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "redress-upgrade-tests"));
        return new UpgradeDatabase(provider);
    }

    /// <summary>A context whose migrations are the shipped ones plus the throwaway <see cref="UpgradeProbeMigration"/>.</summary>
    public ComplaintsDbContext NewContext() =>
        new(new DbContextOptionsBuilder<ComplaintsDbContext>()
            .UseRedressDatabase(_settings, "complaints")
            .ReplaceService<IMigrationsAssembly, WithUpgradeProbe>()
            .Options);

    /// <summary>The newest migration the product ships for this module and provider: N.</summary>
    public string LatestShipped()
    {
        using var db = new ComplaintsDbContext(new DbContextOptionsBuilder<ComplaintsDbContext>().UseRedressDatabase(_settings, "complaints").Options);
        return db.Database.GetMigrations().Last();
    }

    public async Task MigrateToAsync(string migration, CancellationToken cancellationToken)
    {
        await using var db = NewContext();
        await db.GetService<IMigrator>().MigrateAsync(migration, cancellationToken);
    }

    /// <summary>
    /// Every row of every table the module maps, as text per column, sorted; <paramref name="columns"/> limits each table to
    /// the columns it had before, so that a column the migration adds does not count as a change.
    /// </summary>
    public async Task<Dictionary<string, Rows>> ReadAllRowsAsync(IReadOnlyDictionary<string, Rows>? columns, CancellationToken cancellationToken)
    {
        await using var db = NewContext();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        var all = new Dictionary<string, Rows>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var names = columns?[table].Columns ?? [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).Order(StringComparer.Ordinal)];
            var rows = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(string.Join(" | ", names.Select(name => Text(reader, name))));
            }

            rows.Sort(StringComparer.Ordinal);
            all[table] = new Rows(names, rows);
        }

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Text(DbDataReader reader, string column)
    {
        // Round-trip formats, so that a change in the last digit of an instant counts.
        return reader.GetValue(reader.GetOrdinal(column)) switch
        {
            DBNull => "NULL",
            DateTime instant => instant.ToString("O", CultureInfo.InvariantCulture),
            DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
            byte[] bytes => Convert.ToHexString(bytes),
            var value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        };
    }
}

/// <summary>A table's rows as text, over the named columns.</summary>
internal sealed record Rows(IReadOnlyList<string> Columns, IReadOnlyList<string> Values);
