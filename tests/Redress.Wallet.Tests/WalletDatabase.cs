using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Redress.SharedKernel;
using Redress.SharedKernel.Persistence;
using Redress.Wallet.Data;
using Redress.Wallet.Features;
using Redress.Wallet.Resources;

namespace Redress.Wallet.Tests;

/// <summary>A migrated wallet database for one test class: a real SQLite file, or a fresh PostgreSQL database.</summary>
public abstract class WalletDatabase : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero));

    internal static IStringLocalizer<WalletMessages> Text { get; } = new StringLocalizer<WalletMessages>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    protected abstract DatabaseSettings Settings { get; }

    public WalletDbContext NewContext() =>
        new(new DbContextOptionsBuilder<WalletDbContext>().UseRedressDatabase(Settings, "wallet").Options);

    /// <summary>One unit of work, as a request scope would have it: a context and the services over it.</summary>
    internal Scope NewScope() => new(NewContext(), Time);

    public virtual async ValueTask InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
    }

    public abstract ValueTask DisposeAsync();

    internal sealed class Scope(WalletDbContext db, TimeProvider time) : IAsyncDisposable
    {
        public WalletDbContext Db => db;

        public LedgerWriter Writer { get; } = new(db, time, Text);

        public WalletOperations Operations => new(Writer);

        public Ledger Ledger => new(Writer, new TransactionQueries(db, Text), NullLogger<Ledger>.Instance);

        public ValueTask DisposeAsync() => db.DisposeAsync();
    }

    /// <summary>Opens a wallet for a new customer and tops it up.</summary>
    internal async Task<WalletAccount> FundedWalletAsync(long minorUnits, string currency = "CNY")
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = NewScope();
        var wallet = await scope.Operations.OpenWalletAsync(Guid.CreateVersion7(), Currency.From(currency), ct);
        if (minorUnits > 0)
        {
            var topUp = await scope.Operations.TopUpAsync(null, wallet.Id, new Money(minorUnits, Currency.From(currency)), ct);
            Assert.True(topUp.IsSuccess);
        }

        return wallet;
    }
}

public sealed class SqliteWalletDatabase : WalletDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "redress-wallet-tests", Guid.NewGuid().ToString("N"));

    protected override DatabaseSettings Settings => new() { Provider = DatabaseProvider.Sqlite, DataDirectory = _folder };

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A fresh database on the server named by REDRESS_TEST_POSTGRES; tests skip without one (and fail under CI).</summary>
public sealed class PostgresWalletDatabase : WalletDatabase
{
    private readonly string _database = $"redress_wallet_test_{Guid.NewGuid():N}";

    private static string? Server => Environment.GetEnvironmentVariable("REDRESS_TEST_POSTGRES");

    protected override DatabaseSettings Settings => new()
    {
        Provider = DatabaseProvider.Postgres,
        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = _database, MaxPoolSize = 50 }.ConnectionString,
    };

    public static void EnsureAvailable()
    {
        if (Server is not null)
        {
            return;
        }

        Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "REDRESS_TEST_POSTGRES must be set under CI.");
        Assert.Skip("No PostgreSQL server: set REDRESS_TEST_POSTGRES or run scripts/test.sh.");
    }

    public override async ValueTask InitializeAsync()
    {
        if (Server is null)
        {
            return;
        }

        await using (var connection = new NpgsqlConnection(Server))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (Server is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
