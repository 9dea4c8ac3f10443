using Microsoft.EntityFrameworkCore;
using Redress.SharedKernel.Ledger;

namespace Redress.Wallet.Tests;

/// <summary>The ledger's invariants, checked against what is stored.</summary>
internal static class LedgerAudit
{
    public static async Task AssertConsistentAsync(WalletDatabase database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = database.NewContext();

        var unbalanced = await db.Postings.GroupBy(p => new { p.EntryId, p.Currency }).Where(g => g.Sum(p => p.AmountMinor) != 0).Select(g => g.Key.EntryId).ToListAsync(ct);
        Assert.Empty(unbalanced);

        var wallets = await db.Accounts.Where(a => a.Kind == AccountKind.CustomerWallet).Select(a => new { a.Id, a.BalanceMinor }).ToListAsync(ct);
        var sums = await db.Postings.GroupBy(p => p.AccountId).Select(g => new { AccountId = g.Key, Sum = g.Sum(p => p.AmountMinor) }).ToDictionaryAsync(x => x.AccountId, x => x.Sum, ct);
        foreach (var wallet in wallets)
        {
            Assert.True(wallet.BalanceMinor >= 0, $"Wallet {wallet.Id} is negative: {wallet.BalanceMinor}");
            Assert.Equal(sums.GetValueOrDefault(wallet.Id), wallet.BalanceMinor);
        }

        var overRefunded = await db.Transactions
            // A reversed refund gave its money back, so it no longer counts against the original.
            .Where(t => t.OriginalTransactionId != null && t.Type == LedgerTransactionType.Refund
                && t.Status != LedgerTransactionStatus.Failed && t.Status != LedgerTransactionStatus.Reversed)
            .GroupBy(t => t.OriginalTransactionId)
            .Select(g => new { Original = g.Key, Refunded = g.Sum(t => t.AmountMinor) })
            .Join(db.Transactions, r => r.Original, o => o.Id, (r, o) => new { r.Refunded, o.AmountMinor })
            .Where(x => x.Refunded > x.AmountMinor)
            .CountAsync(ct);
        Assert.Equal(0, overRefunded);

        // A transaction marked posted has postings and one that is not has none.
        var postedWithout = await db.Transactions.Where(t => t.Posted != db.Postings.Any(p => p.TransactionId == t.Id)).CountAsync(ct);
        Assert.Equal(0, postedWithout);
    }
}
