using Npgsql;
using Redress.SharedKernel.Persistence;

namespace Redress.Notifications.Tests;

/// <summary>A fresh database for one test class: a SQLite file in a temporary folder, or a new PostgreSQL database.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "redress-notify-tests", Guid.NewGuid().ToString("N"));

    public abstract DatabaseSettings Settings { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        TestDatabase database = provider == DatabaseProvider.Sqlite ? new SqliteTestDatabase() : new PostgresTestDatabase();
        Directory.CreateDirectory(database.DataDirectory);
        await database.CreateAsync();
        return database;
    }

    public virtual ValueTask DisposeAsync()
    {
        Directory.Delete(DataDirectory, recursive: true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected virtual Task CreateAsync() => Task.CompletedTask;

    /// <summary>Skips a PostgreSQL test where no server is configured; under CI that is a failure instead.</summary>
    public static void RequirePostgres()
    {
        if (PostgresTestDatabase.Server is not null)
        {
            return;
        }

        Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "REDRESS_TEST_POSTGRES must be set under CI.");
        Assert.Skip("No PostgreSQL server: set REDRESS_TEST_POSTGRES or run scripts/test.sh.");
    }

    private sealed class SqliteTestDatabase : TestDatabase
    {
        public override DatabaseSettings Settings => new() { Provider = DatabaseProvider.Sqlite, DataDirectory = DataDirectory };

        public override ValueTask DisposeAsync()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return base.DisposeAsync();
        }
    }

    private sealed class PostgresTestDatabase : TestDatabase
    {
        private readonly string _name = $"redress_notify_{Guid.NewGuid():N}";

        public static string? Server => Environment.GetEnvironmentVariable("REDRESS_TEST_POSTGRES");

        public override DatabaseSettings Settings => new()
        {
            Provider = DatabaseProvider.Postgres,
            DataDirectory = DataDirectory,
            ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ConnectionString,
        };

        public override async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
            await base.DisposeAsync();
        }

        protected override Task CreateAsync()
        {
            RequirePostgres();
            return ExecuteAsync($"CREATE DATABASE \"{_name}\"");
        }

        private static async Task ExecuteAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(Server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
