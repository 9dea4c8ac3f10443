using Microsoft.EntityFrameworkCore;
using Redress.Complaints.Features;
using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Tests;

public sealed class InvestigationAndFreezeTests(SqliteComplaintsDatabase database) : IClassFixture<SqliteComplaintsDatabase>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_transfer_that_failed_after_the_debit_is_reported_as_failed_but_debited_and_recorded_internally()
    {
        var customer = Actors.Customer();
        var agent = Actors.Staff(RedressRoles.Agent);
        var ledger = new FakeLedger();
        var wallet = ledger.OpenWallet(customer.UserId, 100_000);
        var now = database.Time.GetUtcNow();
        var transfer = ledger.Add(wallet.AccountId, LedgerTransactionType.Transfer, LedgerTransactionStatus.Failed, 12_050, "张三", now.AddHours(-3));
        ledger.Add(wallet.AccountId, LedgerTransactionType.Payment, LedgerTransactionStatus.Completed, 900, "美团", now.AddDays(-5));
        await using var db = database.NewContext();
        var filed = await database.NewFileHandler(db, ledger).HandleAsync(customer, Request("TransactionFailure", transfer.Reference, now.AddHours(-2)), ComplaintChannel.InApp, _ct);

        var report = await database.NewInvestigation(db, ledger).RecordAsync(agent, filed.Value.Number, _ct);

        Assert.Equal(transfer.Reference, report.Value.Match?.Reference);
        Assert.Equal(["transaction_found", "amount_matches", "time_matches", "failed_but_debited"], report.Value.Findings);
        Assert.Single(report.Value.Nearby);
        await using var reader = database.NewContext();
        var entry = await reader.TimelineEvents.Where(e => e.Type == TimelineEventTypes.Investigated).SingleAsync(_ct);
        Assert.Equal(Visibility.Internal, entry.Visibility);
        Assert.Contains("failed_but_debited", entry.Payload, StringComparison.Ordinal);
        var refused = await database.NewInvestigation(db, ledger).ReportAsync(customer, filed.Value.Number, _ct);
        Assert.Equal(ErrorKind.Forbidden, refused.Error?.Kind);
    }

    [Fact]
    public async Task A_history_the_ledger_would_not_give_makes_the_report_say_it_is_incomplete()
    {
        var customer = Actors.Customer();
        var agent = Actors.Staff(RedressRoles.Agent);
        var ledger = new FakeLedger();
        var wallet = ledger.OpenWallet(customer.UserId, 100_000);
        var now = database.Time.GetUtcNow();
        var transfer = ledger.Add(wallet.AccountId, LedgerTransactionType.Transfer, LedgerTransactionStatus.Failed, 12_050, "张三", now.AddHours(-3));
        await using var db = database.NewContext();
        var filed = await database.NewFileHandler(db, ledger).HandleAsync(customer, Request("TransactionFailure", transfer.Reference, now.AddHours(-2)), ComplaintChannel.InApp, _ct);
        var whole = await database.NewInvestigation(db, ledger).ReportAsync(agent, filed.Value.Number, _ct);
        ledger.HistoryUnavailable = true;

        var partial = await database.NewInvestigation(db, ledger).ReportAsync(agent, filed.Value.Number, _ct);

        Assert.True(whole.Value.HistoryComplete);
        Assert.DoesNotContain("history_incomplete", whole.Value.Findings);
        Assert.False(partial.Value.HistoryComplete);
        Assert.Contains("history_incomplete", partial.Value.Findings);
        Assert.Equal(transfer.Reference, partial.Value.Match?.Reference);
    }

    [Fact]
    public async Task Filing_an_account_security_complaint_with_freeze_freezes_every_wallet_once_and_says_so_on_the_timeline()
    {
        var customer = Actors.Customer();
        var ledger = new FakeLedger();
        var wallet = ledger.OpenWallet(customer.UserId, 100);
        var other = ledger.OpenWallet(Guid.NewGuid(), 100);
        await using var db = database.NewContext();

        var filed = await database.NewFileHandler(db, ledger).HandleAsync(
            customer, Request("AccountSecurity", null, database.Time.GetUtcNow()) with { FreezeWallet = true }, ComplaintChannel.InApp, _ct);

        Assert.Equal(LedgerAccountStatus.Frozen, ledger.Account(wallet.AccountId).Status);
        Assert.Equal(LedgerAccountStatus.Active, ledger.Account(other.AccountId).Status);
        Assert.Single(filed.Value.Timeline, e => e.Type == TimelineEventTypes.WalletFrozen);
        await using var reader = database.NewContext();
        var entry = await reader.TimelineEvents.Where(e => e.Type == TimelineEventTypes.WalletFrozen).SingleAsync(_ct);
        Assert.Equal(new WalletFrozen(wallet.AccountId, "Frozen"), entry.Read());
    }

    [Fact]
    public async Task Freezing_is_offered_only_with_account_security_complaints()
    {
        var ledger = new FakeLedger();
        var customer = Actors.Customer();
        var wallet = ledger.OpenWallet(customer.UserId, 100);
        await using var db = database.NewContext();

        var result = await database.NewFileHandler(db, ledger).HandleAsync(
            customer, Request("TransactionFailure", null, database.Time.GetUtcNow()) with { FreezeWallet = true }, ComplaintChannel.InApp, _ct);

        Assert.Equal(["freezeWallet"], result.Error?.Fields?.Keys);
        Assert.Equal(LedgerAccountStatus.Active, ledger.Account(wallet.AccountId).Status);
    }

    private static FileComplaintRequest Request(string category, string? reference, DateTimeOffset occurredAt) =>
        new(category, "我给朋友转账 120.50 元，显示失败，但余额已扣除。", occurredAt, reference, 120.50m, "CNY", "请退回 120.50 元");
}
