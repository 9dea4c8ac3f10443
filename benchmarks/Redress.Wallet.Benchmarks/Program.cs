using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;
using Redress.SharedKernel.Persistence;
using Redress.Wallet;
using Redress.Wallet.Data;
using Redress.Wallet.Features;
using Redress.Wallet.Resources;

// Usage: Redress.Wallet.Benchmarks sqlite [folder] | postgres <server connection string>
// Creates a fresh database, measures postings/s, bulk-loads 1,000,000 transactions and measures history queries.
var provider = args.ElementAtOrDefault(0) ?? "sqlite";
var settings = provider == "postgres"
    ? await Bench.FreshPostgresAsync(args.ElementAtOrDefault(1) ?? "Host=127.0.0.1;Port=55434;Username=postgres;Database=postgres")
    : Bench.FreshSqlite(args.ElementAtOrDefault(1) ?? Path.Combine(Path.GetTempPath(), "redress-wallet-bench"));
var bench = new Bench(settings);
await bench.MigrateAsync();

var wallets = await bench.OpenWalletsAsync(200);
Console.WriteLine($"provider={provider} cores={Environment.ProcessorCount}");
foreach (var workers in new[] { 1, 4, 16 })
{
    var (transactions, elapsed) = await bench.PaymentsAsync(wallets, workers, total: 3_000);
    // Each payment is one journal entry of two postings.
    Console.WriteLine($"writes workers={workers}: {transactions} payments in {elapsed.TotalSeconds:F2}s = {transactions / elapsed.TotalSeconds:F0} tx/s = {2 * transactions / elapsed.TotalSeconds:F0} postings/s");
}

var loadClock = Stopwatch.StartNew();
var historyWallets = await bench.BulkLoadAsync(accounts: 2_000, transactions: 1_000_000);
Console.WriteLine($"bulk load: 1,000,000 transactions over {historyWallets.Count} wallets in {loadClock.Elapsed.TotalSeconds:F1}s");
await bench.HistoryAsync(historyWallets, "first page (25), no window", window: null, secondPage: false);
await bench.HistoryAsync(historyWallets, "30-day window (25)", window: TimeSpan.FromDays(30), secondPage: false);
await bench.HistoryAsync(historyWallets, "30-day window, second page by cursor", window: TimeSpan.FromDays(30), secondPage: true);

internal sealed class Bench(DatabaseSettings settings)
{
    private const int Samples = 2_000;
    private static readonly IStringLocalizer<WalletMessages> s_text = new StringLocalizer<WalletMessages>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static readonly DateTimeOffset s_now = TimeProvider.System.GetUtcNow();

    public static DatabaseSettings FreshSqlite(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return new DatabaseSettings { Provider = DatabaseProvider.Sqlite, DataDirectory = folder };
    }

    public static async Task<DatabaseSettings> FreshPostgresAsync(string server)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS redress_wallet_bench WITH (FORCE)", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using (var create = new NpgsqlCommand("CREATE DATABASE redress_wallet_bench", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var target = new NpgsqlConnectionStringBuilder(server) { Database = "redress_wallet_bench", MaxPoolSize = 64 };
        return new DatabaseSettings { Provider = DatabaseProvider.Postgres, ConnectionString = target.ConnectionString };
    }

    public async Task MigrateAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public async Task<List<Guid>> OpenWalletsAsync(int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            await using var db = NewContext();
            var operations = new WalletOperations(new LedgerWriter(db, TimeProvider.System, s_text));
            var wallet = await operations.OpenWalletAsync(Guid.CreateVersion7(), Currency.Cny, CancellationToken.None);
            _ = (await operations.TopUpAsync(null, wallet.Id, new Money(100_000_000, Currency.Cny), CancellationToken.None)).Value;
            ids.Add(wallet.Id);
        }

        return ids;
    }

    /// <summary>Payments through the real write path, each with an idempotency key, one context per payment as a request would have.</summary>
    public async Task<(int Count, TimeSpan Elapsed)> PaymentsAsync(List<Guid> wallets, int workers, int total)
    {
        var clock = Stopwatch.StartNew();
        var done = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            var random = new Random(worker);
            for (var i = 0; i < total / workers; i++)
            {
                await using var db = NewContext();
                var operations = new WalletOperations(new LedgerWriter(db, TimeProvider.System, s_text));
                var wallet = wallets[random.Next(wallets.Count)];
                var result = await operations.PayAsync(Guid.NewGuid().ToString("N"), wallet, new Money(random.Next(1, 5_000), Currency.Cny), "bench", CancellationToken.None);
                if (!result.IsSuccess)
                {
                    throw new InvalidOperationException(result.Error.Code);
                }

                Interlocked.Increment(ref done);
            }
        }));
        return (done, clock.Elapsed);
    }

    /// <summary>Loads history rows directly (transactions only: the history query reads no postings), spread over a year.</summary>
    public async Task<List<Guid>> BulkLoadAsync(int accounts, int transactions)
    {
        var ids = await OpenWalletsAsync(accounts);
        var random = new Random(42);
        var rows = Enumerable.Range(0, transactions).Select(i => (
            Reference: "TB" + i.ToString("D16", CultureInfo.InvariantCulture),
            Account: ids[i % accounts],
            CreatedAt: s_now.AddDays(-365).AddSeconds(i * (365.0 * 86_400 / transactions)),
            Amount: (long)random.Next(100, 50_000)));
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync();
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY wallet_transactions (\"Reference\", \"AccountId\", \"Type\", \"Status\", \"Direction\", \"AmountMinor\", \"Currency\", \"Counterparty\", \"CreatedAt\", \"CompletedAt\", \"Posted\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var row in rows)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(row.Reference, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(row.Account, NpgsqlDbType.Uuid);
                    await copy.WriteAsync("Payment", NpgsqlDbType.Varchar);
                    await copy.WriteAsync("Completed", NpgsqlDbType.Varchar);
                    await copy.WriteAsync("Debit", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(row.Amount, NpgsqlDbType.Bigint);
                    await copy.WriteAsync("CNY", NpgsqlDbType.Char);
                    await copy.WriteAsync("美团外卖", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                }

                await copy.CompleteAsync();
            }

            await using var analyze = new NpgsqlCommand("ANALYZE wallet_transactions", connection);
            await analyze.ExecuteNonQueryAsync();
        }
        else
        {
            await using var connection = new SqliteConnection(settings.ResolveConnectionString());
            await connection.OpenAsync();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO wallet_transactions (Reference, AccountId, Type, Status, Direction, AmountMinor, Currency, Counterparty, CreatedAt, CompletedAt, Posted) "
                + "VALUES ($r, $a, 'Payment', 'Completed', 'Debit', $m, 'CNY', '美团外卖', $t, $t, 0)";
            var (reference, account, amount, at) = (insert.Parameters.Add("$r", SqliteType.Text), insert.Parameters.Add("$a", SqliteType.Text), insert.Parameters.Add("$m", SqliteType.Integer), insert.Parameters.Add("$t", SqliteType.Integer));
            foreach (var row in rows)
            {
                reference.Value = row.Reference;
                // EF Core stores a Guid on SQLite as upper-case text.
                account.Value = row.Account.ToString().ToUpperInvariant();
                amount.Value = row.Amount;
                at.Value = row.CreatedAt.UtcTicks;
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
            await using var analyze = connection.CreateCommand();
            analyze.CommandText = "ANALYZE";
            await analyze.ExecuteNonQueryAsync();
        }

        return ids;
    }

    /// <summary>History through the ledger interface (account check plus keyset query), one fresh context per query.</summary>
    public async Task HistoryAsync(List<Guid> wallets, string label, TimeSpan? window, bool secondPage)
    {
        var random = new Random(7);
        var latencies = new List<double>();
        for (var i = 0; i < Samples + 100; i++)
        {
            var wallet = wallets[random.Next(wallets.Count)];
            var from = window is { } span ? s_now.AddDays(-random.Next(30, 360)) : (DateTimeOffset?)null;
            var query = new HistoryQuery(wallet, from, from + window, Limit: 25);
            string? cursor = null;
            if (secondPage)
            {
                await using var db = NewContext();
                cursor = (await NewLedger(db).HistoryAsync(query, CancellationToken.None)).Value.NextCursor;
            }

            var clock = Stopwatch.StartNew();
            await using (var db = NewContext())
            {
                var page = await NewLedger(db).HistoryAsync(query with { Cursor = cursor }, CancellationToken.None);
                if (!page.IsSuccess || page.Value.Items.Count == 0)
                {
                    throw new InvalidOperationException("A history query returned nothing.");
                }
            }

            // The first hundred warm up the JIT, EF's query cache and the connection pool.
            if (i >= 100)
            {
                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        latencies.Sort();
        Console.WriteLine($"history {label}: p50={Percentile(latencies, 0.50):F2}ms p95={Percentile(latencies, 0.95):F2}ms p99={Percentile(latencies, 0.99):F2}ms (n={latencies.Count})");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];

    private readonly DbContextOptions<WalletDbContext> _options = new DbContextOptionsBuilder<WalletDbContext>().UseRedressDatabase(settings, "wallet").Options;

    private WalletDbContext NewContext() => new(_options);

    private static Ledger NewLedger(WalletDbContext db) =>
        new(new LedgerWriter(db, TimeProvider.System, s_text), new TransactionQueries(db, s_text), NullLogger<Ledger>.Instance);
}
