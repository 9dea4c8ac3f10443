using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Redress.SharedKernel.Security;
using Redress.Wallet.Features;

namespace Redress.Wallet.Tests;

public abstract class StaffLedgerOperationTests(WalletDatabase database)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    protected virtual void EnsureAvailable()
    {
    }

    [Fact]
    public async Task An_approved_compensation_is_paid_once_and_its_trail_is_append_only_in_the_database()
    {
        EnsureAvailable();
        var wallet = await database.FundedWalletAsync(1_000);
        var proposer = Supervisor();
        var approver = Supervisor();
        long id;
        await using (var scope = database.NewScope())
        {
            var proposed = await Handler(scope).ProposeAsync(proposer, new StaffProposal(StaffOperationKind.Compensation, null, wallet.Id, 2.50m, "CNY", "Goodwill", "k-" + Guid.NewGuid()), _ct);
            id = proposed.Value.Id;
        }

        await using (var scope = database.NewScope())
        {
            Assert.Equal("staff_operation_approver_is_proposer", (await Handler(scope).ApproveAsync(proposer, id, _ct)).Error?.Code);
            Assert.Equal("Executed", (await Handler(scope).ApproveAsync(approver, id, _ct)).Value.State);
            Assert.Equal("staff_operation_not_pending", (await Handler(scope).ApproveAsync(Supervisor(), id, _ct)).Error?.Code);
        }

        await using var db = database.NewContext();
        Assert.Equal(1_250, (await db.Accounts.SingleAsync(a => a.Id == wallet.Id, _ct)).BalanceMinor);
        Assert.Single(await db.Transactions.Where(t => t.AccountId == wallet.Id && t.Type == SharedKernel.Ledger.LedgerTransactionType.Compensation).ToListAsync(_ct));
        var trail = await db.StaffAudit.Where(e => e.OperationId == id).OrderBy(e => e.Id).ToListAsync(_ct);
        Assert.Equal([StaffOperationStep.Proposed, StaffOperationStep.Approved, StaffOperationStep.Executed], trail.Select(e => e.Step));
        Assert.Equal([proposer.UserId, approver.UserId, approver.UserId], trail.Select(e => e.ActorId));
        Assert.Contains("\"ledgerKey\":\"staff-operation:" + id + "\"", trail[1].Data, StringComparison.Ordinal);

        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlAsync($"UPDATE staff_ledger_audit SET \"Data\" = 'changed' WHERE \"OperationId\" = {id}", _ct));
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlAsync($"DELETE FROM staff_ledger_audit WHERE \"OperationId\" = {id}", _ct));
        db.StaffAudit.Remove(trail[0]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(_ct));
        db.ChangeTracker.Clear();
        Assert.Equal(3, await db.StaffAudit.CountAsync(e => e.OperationId == id, _ct));
    }

    private static StaffLedgerOperations Handler(WalletDatabase.Scope scope) =>
        new(scope.Writer, scope.Ledger, NullLogger<StaffLedgerOperations>.Instance);

    private static Actor Supervisor() =>
        new(Guid.CreateVersion7(), new HashSet<string>(StringComparer.Ordinal) { RedressRoles.Supervisor }, "CN", "zh-CN");
}

public sealed class SqliteStaffLedgerOperationTests(SqliteWalletDatabase database) : StaffLedgerOperationTests(database), IClassFixture<SqliteWalletDatabase>;

public sealed class PostgresStaffLedgerOperationTests(PostgresWalletDatabase database) : StaffLedgerOperationTests(database), IClassFixture<PostgresWalletDatabase>
{
    protected override void EnsureAvailable() => PostgresWalletDatabase.EnsureAvailable();
}
