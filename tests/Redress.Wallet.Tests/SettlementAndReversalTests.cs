using Microsoft.EntityFrameworkCore;
using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;

namespace Redress.Wallet.Tests;

/// <summary>Settling a pending merchant refund and reversing a remedy's credit: each once, each idempotent, refusals move nothing.</summary>
public sealed class SettlementAndReversalTests(SqliteWalletDatabase database) : IClassFixture<SqliteWalletDatabase>
{
    private static readonly Currency s_cny = Currency.Cny;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_pending_merchant_refund_is_settled_once_from_merchant_settlement_and_a_replay_returns_the_same_posting()
    {
        var wallet = await database.FundedWalletAsync(10_000);
        await using var scope = database.NewScope();
        var payment = (await scope.Operations.PayAsync(null, wallet.Id, new Money(3_000, s_cny), "优衣库", _ct)).Value;
        var pending = (await scope.Operations.PromiseMerchantRefundAsync(payment.Reference, new Money(3_000, s_cny), scope.Writer.Now.AddDays(-1), _ct)).Value;
        var request = new SettleRefundRequest(Key(), pending.Reference, "Merchant refund overdue");

        var settled = await scope.Ledger.SettlePendingRefundAsync(request, _ct);
        var replayed = await scope.Ledger.SettlePendingRefundAsync(request, _ct);
        var again = await scope.Ledger.SettlePendingRefundAsync(request with { IdempotencyKey = Key() }, _ct);
        var moreRefund = await scope.Ledger.RefundAsync(new RefundRequest(Key(), payment.Reference, new Money(1, s_cny), "再退一分"), _ct);

        Assert.True(settled.IsSuccess);
        Assert.Equal(pending.Reference, settled.Value.Reference);
        Assert.Equal(LedgerTransactionStatus.Completed, settled.Value.Status);
        Assert.True(settled.Value.Posted);
        Assert.Equal(settled.Value, replayed.Value);
        Assert.Equal("refund_not_pending", again.Error?.Code);
        Assert.Equal(ErrorKind.Validation, moreRefund.Error?.Kind);
        await using var db = database.NewContext();
        Assert.Equal(10_000, (await db.Accounts.SingleAsync(a => a.Id == wallet.Id, _ct)).BalanceMinor);
        var refundId = (await db.Transactions.SingleAsync(t => t.Reference == pending.Reference, _ct)).Id;
        var postings = await db.Postings.Where(p => p.TransactionId == refundId).ToListAsync(_ct);
        Assert.Equal(2, postings.Count);
        Assert.Contains(postings, p => p.AccountId == WalletAccount.SystemAccountId(AccountKind.MerchantSettlement, s_cny) && p.AmountMinor == -3_000);
        await LedgerAudit.AssertConsistentAsync(database);
    }

    [Fact]
    public async Task Only_a_pending_unposted_refund_can_be_settled()
    {
        var wallet = await database.FundedWalletAsync(10_000);
        await using var scope = database.NewScope();
        var payment = (await scope.Operations.PayAsync(null, wallet.Id, new Money(3_000, s_cny), "京东", _ct)).Value;
        var completed = (await scope.Ledger.RefundAsync(new RefundRequest(Key(), payment.Reference, new Money(1_000, s_cny), "部分退款"), _ct)).Value;

        var onPayment = await scope.Ledger.SettlePendingRefundAsync(new SettleRefundRequest(Key(), payment.Reference, "x"), _ct);
        var onCompleted = await scope.Ledger.SettlePendingRefundAsync(new SettleRefundRequest(Key(), completed.Reference, "x"), _ct);
        var missing = await scope.Ledger.SettlePendingRefundAsync(new SettleRefundRequest(Key(), "TX2611250000000000", "x"), _ct);

        Assert.Equal(ErrorKind.Validation, onPayment.Error?.Kind);
        Assert.Contains("refundReference", onPayment.Error!.Fields!.Keys);
        Assert.Equal("refund_not_pending", onCompleted.Error?.Code);
        Assert.Equal(ErrorKind.NotFound, missing.Error?.Kind);
        await using var db = database.NewContext();
        Assert.Equal(8_000, (await db.Accounts.SingleAsync(a => a.Id == wallet.Id, _ct)).BalanceMinor);
        await LedgerAudit.AssertConsistentAsync(database);
    }

    [Fact]
    public async Task A_refund_is_reversed_once_back_to_the_merchant_and_its_amount_becomes_refundable_again()
    {
        var wallet = await database.FundedWalletAsync(10_000);
        await using var scope = database.NewScope();
        var payment = (await scope.Operations.PayAsync(null, wallet.Id, new Money(3_000, s_cny), "美团", _ct)).Value;
        var refund = (await scope.Ledger.RefundAsync(new RefundRequest(Key(), payment.Reference, new Money(3_000, s_cny), "重复扣款"), _ct)).Value;
        var request = new ReversalRequest(Key(), refund.Reference, "Refund given in error");

        var reversed = await scope.Ledger.ReverseAsync(request, _ct);
        var replayed = await scope.Ledger.ReverseAsync(request, _ct);
        var twice = await scope.Ledger.ReverseAsync(request with { IdempotencyKey = Key() }, _ct);

        Assert.True(reversed.IsSuccess);
        Assert.Equal(LedgerTransactionType.Reversal, reversed.Value.Type);
        Assert.Equal(LedgerDirection.Debit, reversed.Value.Direction);
        Assert.Equal(refund.Reference, reversed.Value.OriginalReference);
        Assert.Equal(reversed.Value, replayed.Value);
        Assert.Equal("already_reversed", twice.Error?.Code);
        Assert.Equal(LedgerTransactionStatus.Reversed, (await scope.Ledger.FindAsync(refund.Reference, _ct)).Value.Status);
        await using (var db = database.NewContext())
        {
            Assert.Equal(7_000, (await db.Accounts.SingleAsync(a => a.Id == wallet.Id, _ct)).BalanceMinor);
        }

        Assert.True((await scope.Ledger.RefundAsync(new RefundRequest(Key(), payment.Reference, new Money(3_000, s_cny), "重新退款"), _ct)).IsSuccess);
        await LedgerAudit.AssertConsistentAsync(database);
    }

    [Fact]
    public async Task A_reversal_is_refused_for_a_debit_and_when_the_money_is_already_spent_and_moves_nothing()
    {
        var wallet = await database.FundedWalletAsync(0);
        await using var scope = database.NewScope();
        var credit = (await scope.Ledger.CreditCompensationAsync(new CompensationRequest(Key(), wallet.Id, new Money(500, s_cny), "Goodwill"), _ct)).Value;
        var spent = (await scope.Operations.PayAsync(null, wallet.Id, new Money(400, s_cny), "星巴克", _ct)).Value;

        var onDebit = await scope.Ledger.ReverseAsync(new ReversalRequest(Key(), spent.Reference, "x"), _ct);
        var shortOfMoney = await scope.Ledger.ReverseAsync(new ReversalRequest(Key(), credit.Reference, "x"), _ct);

        Assert.Contains("reference", onDebit.Error!.Fields!.Keys);
        Assert.Equal("insufficient_funds", shortOfMoney.Error?.Code);
        Assert.Equal(LedgerTransactionStatus.Completed, (await scope.Ledger.FindAsync(credit.Reference, _ct)).Value.Status);
        await using var db = database.NewContext();
        Assert.Equal(100, (await db.Accounts.SingleAsync(a => a.Id == wallet.Id, _ct)).BalanceMinor);
        await LedgerAudit.AssertConsistentAsync(database);
    }

    [Fact]
    public async Task A_failed_transfer_after_debit_is_posted_and_failed()
    {
        var wallet = await database.FundedWalletAsync(10_000);
        await using var scope = database.NewScope();

        var failed = (await scope.Operations.TransferFailedAfterDebitAsync(wallet.Id, new Money(2_500, s_cny), "张伟", "Recipient account closed", _ct)).Value;

        Assert.Equal(LedgerTransactionStatus.Failed, failed.Status);
        Assert.True(failed.Posted);
        var refunded = await scope.Ledger.RefundAsync(new RefundRequest(Key(), failed.Reference, new Money(2_500, s_cny), "退回失败转账"), _ct);
        Assert.True(refunded.IsSuccess);
        await using var db = database.NewContext();
        Assert.Equal(10_000, (await db.Accounts.SingleAsync(a => a.Id == wallet.Id, _ct)).BalanceMinor);
        await LedgerAudit.AssertConsistentAsync(database);
    }

    private static string Key() => "test-" + Guid.NewGuid().ToString("N");
}
