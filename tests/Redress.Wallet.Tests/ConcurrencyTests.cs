using Microsoft.EntityFrameworkCore;
using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;

namespace Redress.Wallet.Tests;

/// <summary>Parallel writers against one wallet, on each database: the guarded update must never let a balance go below zero.</summary>
public abstract class ConcurrencyTests(WalletDatabase database)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    protected virtual void EnsureAvailable()
    {
    }

    [Fact]
    public async Task Parallel_debits_against_one_wallet_never_overdraw()
    {
        EnsureAvailable();
        // 40 debits of 30 against a balance of 1,000: exactly 33 can succeed.
        var wallet = await database.FundedWalletAsync(1_000);

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            await using var scope = database.NewScope();
            return await scope.Operations.PayAsync(null, wallet.Id, new Money(30, Currency.Cny), "merchant-" + i, _ct);
        }));

        Assert.Equal(33, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal("insufficient_funds", r.Error!.Code));
        await using var db = database.NewContext();
        Assert.Equal(10, (await db.Accounts.SingleAsync(a => a.Id == wallet.Id, _ct)).BalanceMinor);
        await LedgerAudit.AssertConsistentAsync(database);
    }

    [Fact]
    public async Task Parallel_refunds_of_one_payment_never_exceed_it()
    {
        EnsureAvailable();
        var wallet = await database.FundedWalletAsync(1_000);
        string reference;
        await using (var scope = database.NewScope())
        {
            reference = (await scope.Operations.PayAsync(null, wallet.Id, new Money(1_000, Currency.Cny), "merchant", _ct)).Value.Reference;
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await using var scope = database.NewScope();
            return await scope.Ledger.RefundAsync(new RefundRequest($"refund-{reference}-{i}", reference, new Money(300, Currency.Cny), "partial"), _ct);
        }));

        Assert.Equal(3, results.Count(r => r.IsSuccess));
        await using var db = database.NewContext();
        Assert.Equal(900, (await db.Accounts.SingleAsync(a => a.Id == wallet.Id, _ct)).BalanceMinor);
        await LedgerAudit.AssertConsistentAsync(database);
    }

    [Fact]
    public async Task Opposite_transfers_at_once_neither_deadlock_nor_overdraw()
    {
        EnsureAvailable();
        var a = await database.FundedWalletAsync(500);
        var b = await database.FundedWalletAsync(500);

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            await using var scope = database.NewScope();
            var (from, to) = i % 2 == 0 ? (a.Id, b.Id) : (b.Id, a.Id);
            return await scope.Operations.TransferAsync(null, from, to, new Money(70, Currency.Cny), _ct);
        }));

        Assert.All(results, r => Assert.True(r.IsSuccess || r.Error!.Code == "insufficient_funds", r.Error?.Code));
        await using var db = database.NewContext();
        var balances = await db.Accounts.Where(x => x.Id == a.Id || x.Id == b.Id).Select(x => x.BalanceMinor).ToListAsync(_ct);
        Assert.Equal(1_000, balances.Sum());
        await LedgerAudit.AssertConsistentAsync(database);
    }

    [Fact]
    public async Task Concurrent_duplicates_of_one_debit_move_money_once()
    {
        EnsureAvailable();
        var wallet = await database.FundedWalletAsync(1_000);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            await using var scope = database.NewScope();
            return await scope.Operations.PayAsync("same-key-" + wallet.Id, wallet.Id, new Money(100, Currency.Cny), "merchant", _ct);
        }));

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.Code));
        Assert.Single(results.Select(r => r.Value.Reference).Distinct());
        await using var db = database.NewContext();
        Assert.Equal(900, (await db.Accounts.SingleAsync(x => x.Id == wallet.Id, _ct)).BalanceMinor);
    }
}

public sealed class SqliteConcurrencyTests(SqliteWalletDatabase database) : ConcurrencyTests(database), IClassFixture<SqliteWalletDatabase>;

public sealed class PostgresConcurrencyTests(PostgresWalletDatabase database) : ConcurrencyTests(database), IClassFixture<PostgresWalletDatabase>
{
    protected override void EnsureAvailable() => PostgresWalletDatabase.EnsureAvailable();
}
