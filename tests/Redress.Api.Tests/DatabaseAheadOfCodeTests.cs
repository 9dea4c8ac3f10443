using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Redress.Api.Tests;

/// <summary>
/// A build older than its database refuses to start on it (ADR 22), naming the migrations it does not know, whether
/// it migrates at start-up (the SQLite default) or leaves that to `redress migrate` (the PostgreSQL default).
/// </summary>
public sealed class DatabaseAheadOfCodeTests
{
    private const string FutureMigration = "29991231000000_FromTheFuture";

    [Theory]
    [InlineData("Sqlite", true)]
    [InlineData("Sqlite", false)]
    [InlineData("Postgres", false)]
    public async Task The_web_host_refuses_to_start_on_a_database_ahead_of_the_code(string provider, bool migrateOnStartup)
    {
        await using RedressApp current = provider == "Sqlite" ? new SqliteApp() : new PostgresApp();
        current.EnsureAvailable();
        await current.InitializeAsync();
        await AddFutureMigrationAsync(provider, current.DatabaseConnectionString);

        await using var older = new SecondHost(provider, current.DatabaseConnectionString, migrateOnStartup);
        var refused = Assert.ThrowsAny<Exception>(() => older.Services);

        Assert.Contains("ahead of this version of Redress", refused.ToString(), StringComparison.Ordinal);
        Assert.Contains($"complaints: {FutureMigration}", refused.ToString(), StringComparison.Ordinal);
    }

    private static async Task AddFutureMigrationAsync(string provider, string connectionString)
    {
        const string sql = $"""INSERT INTO "__migrations_complaints" ("MigrationId", "ProductVersion") VALUES ('{FutureMigration}', '10.0.0')""";
        if (provider == "Sqlite")
        {
            await using var sqlite = new SqliteConnection(connectionString);
            await sqlite.OpenAsync();
            await using var command = sqlite.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
            return;
        }

        await using var postgres = new NpgsqlConnection(connectionString);
        await postgres.OpenAsync();
        await using var insert = new NpgsqlCommand(sql, postgres);
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>Another host on the first one's database, standing in for an older build of Redress.</summary>
    private sealed class SecondHost(string provider, string connectionString, bool migrateOnStartup) : RedressApp
    {
        public override string Provider => provider;

        protected override string ConnectionString => connectionString;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:MigrateOnStartup", migrateOnStartup ? "true" : "false");
        }
    }
}
