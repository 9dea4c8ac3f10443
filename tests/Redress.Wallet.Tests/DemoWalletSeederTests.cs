using Microsoft.EntityFrameworkCore;
using Redress.SharedKernel.Demo;
using Redress.SharedKernel.Ledger;
using Redress.Wallet.Features;

namespace Redress.Wallet.Tests;

/// <summary>Runs alone: it times the seed, which runs at every demo start-up and must stay quick.</summary>
[Collection(nameof(SeedTiming))]
public sealed class DemoWalletSeederTests(SqliteWalletDatabase database) : IClassFixture<SqliteWalletDatabase>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_customers_get_months_of_consistent_history_with_every_failure_mode_once()
    {
        var context = new DemoSeedContext();
        context.Customers.Add(new DemoCustomer(Guid.CreateVersion7(), "wang@example.com", "王小明", "CN", "zh-CN"));
        context.Customers.Add(new DemoCustomer(Guid.CreateVersion7(), "li@example.com", "李娜", "CN", "zh-CN"));
        context.Customers.Add(new DemoCustomer(Guid.CreateVersion7(), "chen@example.com", "陈美玲", "CN", "zh-CN"));
        context.Customers.Add(new DemoCustomer(Guid.CreateVersion7(), "emily@example.com", "Emily Clarke", "GB", "en"));
        context.Customers.Add(new DemoCustomer(Guid.CreateVersion7(), "james@example.com", "James Miller", "US", "en"));
        context.Customers.Add(new DemoCustomer(Guid.CreateVersion7(), "sophie@example.com", "Sophie Martin", "EU", "en"));

        // Seeding twice must be harmless: the second run skips customers who already have a wallet.
        await SeedAsync(context);
        await SeedAsync(context);

        await LedgerAudit.AssertConsistentAsync(database);
        foreach (var customer in context.Customers)
        {
            await using var scope = database.NewScope();
            var account = await scope.Db.Accounts.Include(a => a.FundingSources).SingleAsync(a => a.CustomerId == customer.UserId, _ct);
            var history = await scope.Db.Transactions.Where(t => t.AccountId == account.Id).ToListAsync(_ct);
            Assert.Equal(customer.Jurisdiction switch { "CN" => "CNY", "GB" => "GBP", "US" => "USD", _ => "EUR" }, account.Currency);
            Assert.Equal(2, account.FundingSources.Count);
            Assert.InRange(history.Count, 60, 400);
            Assert.True((history.Max(t => t.CreatedAt) - history.Min(t => t.CreatedAt)).TotalDays > 100);

            var signals = new Dictionary<string, TransactionSignal[]>(StringComparer.Ordinal);
            var handler = new GetTransactionHandler(scope.Db, database.Time, WalletDatabase.Text);
            var owner = new Redress.SharedKernel.Security.Actor(customer.UserId, new HashSet<string>(StringComparer.Ordinal) { "Customer" }, customer.Jurisdiction, customer.Culture);
            foreach (var transaction in history)
            {
                signals[transaction.Reference] = [.. (await handler.HandleAsync(owner, transaction.Reference, _ct)).Value.Signals];
            }

            Assert.Single(history, t => signals[t.Reference].Contains(TransactionSignal.FailedAfterDebit) && t.Type == LedgerTransactionType.Transfer);
            Assert.Single(history, t => t.Type == LedgerTransactionType.Refund && signals[t.Reference].Contains(TransactionSignal.RefundOverdue));
            Assert.Equal(2, history.Count(t => t.Type == LedgerTransactionType.Fee && signals[t.Reference].Contains(TransactionSignal.PossibleDuplicate)));
            Assert.Equal(2, history.Count(t => t.Type == LedgerTransactionType.Payment && signals[t.Reference].Contains(TransactionSignal.PossibleDuplicate)));
            Assert.Contains(history, t => signals[t.Reference].Contains(TransactionSignal.FirstTimeCounterparty));
            Assert.Contains(history, t => t.Status == LedgerTransactionStatus.Failed && !t.Posted);
        }
    }

    private async Task SeedAsync(DemoSeedContext context)
    {
        await using var scope = database.NewScope();
        await new DemoWalletSeeder(scope.Db, scope.Operations, database.Time).SeedAsync(context, _ct);
    }
}

[CollectionDefinition(nameof(SeedTiming), DisableParallelization = true)]
public sealed class SeedTiming;
