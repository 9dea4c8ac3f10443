using Microsoft.EntityFrameworkCore;
using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;

namespace Redress.Wallet.Tests;

public sealed class LedgerTests(SqliteWalletDatabase database) : IClassFixture<SqliteWalletDatabase>
{
    private static readonly Currency s_cny = Currency.Cny;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_payment_moves_money_from_the_wallet_to_merchant_settlement_in_one_balanced_entry()
    {
        var wallet = await database.FundedWalletAsync(10_000);
        await using var scope = database.NewScope();

        var paid = await scope.Operations.PayAsync(null, wallet.Id, new Money(2_550, s_cny), "美团外卖", _ct);

        Assert.True(paid.IsSuccess);
        Assert.Equal(LedgerTransactionStatus.Completed, paid.Value.Status);
        Assert.Matches("^TX[0-9]{6}[0-9A-Z]{10}$", paid.Value.Reference);
        await using var db = database.NewContext();
        Assert.Equal(7_450, (await db.Accounts.SingleAsync(a => a.Id == wallet.Id, _ct)).BalanceMinor);
        var postings = await db.Postings.Where(p => p.TransactionId == paid.Value.Id).ToListAsync(_ct);
        Assert.Equal([-2_550, 2_550], postings.Select(p => p.AmountMinor).Order());
        Assert.Contains(postings, p => p.AccountId == WalletAccount.SystemAccountId(AccountKind.MerchantSettlement, s_cny));
        await LedgerAudit.AssertConsistentAsync(database);
    }

    [Fact]
    public async Task A_debit_larger_than_the_balance_is_refused_and_nothing_is_posted()
    {
        var wallet = await database.FundedWalletAsync(1_000);
        await using var scope = database.NewScope();

        var paid = await scope.Operations.PayAsync(null, wallet.Id, new Money(1_001, s_cny), "滴滴出行", _ct);

        Assert.False(paid.IsSuccess);
        Assert.Equal("insufficient_funds", paid.Error.Code);
        await using var db = database.NewContext();
        Assert.Equal(1_000, (await db.Accounts.SingleAsync(a => a.Id == wallet.Id, _ct)).BalanceMinor);
        Assert.Equal(1, await db.Transactions.CountAsync(t => t.AccountId == wallet.Id, _ct));
    }

    [Fact]
    public async Task A_refund_is_limited_to_the_original_minus_earlier_refunds()
    {
        var wallet = await database.FundedWalletAsync(10_000);
        await using var scope = database.NewScope();
        var payment = (await scope.Operations.PayAsync(null, wallet.Id, new Money(3_000, s_cny), "京东商城", _ct)).Value;

        var first = await scope.Ledger.RefundAsync(new RefundRequest(Key(), payment.Reference, new Money(1_000, s_cny), "部分退货"), _ct);
        var tooMuch = await scope.Ledger.RefundAsync(new RefundRequest(Key(), payment.Reference, new Money(2_001, s_cny), "剩余退款"), _ct);
        var rest = await scope.Ledger.RefundAsync(new RefundRequest(Key(), payment.Reference, new Money(2_000, s_cny), "剩余退款"), _ct);
        var more = await scope.Ledger.RefundAsync(new RefundRequest(Key(), payment.Reference, new Money(1, s_cny), "再退一分"), _ct);

        Assert.True(first.IsSuccess);
        Assert.Equal(LedgerTransactionType.Refund, first.Value.Type);
        Assert.Equal(payment.Reference, first.Value.OriginalReference);
        Assert.Equal(ErrorKind.Validation, tooMuch.Error?.Kind);
        Assert.Contains("amount", tooMuch.Error!.Fields!.Keys);
        Assert.True(rest.IsSuccess);
        Assert.Equal(ErrorKind.Validation, more.Error?.Kind);
        await using var db = database.NewContext();
        Assert.Equal(10_000, (await db.Accounts.SingleAsync(a => a.Id == wallet.Id, _ct)).BalanceMinor);
        await LedgerAudit.AssertConsistentAsync(database);
    }

    [Fact]
    public async Task The_same_key_and_request_returns_the_first_result_and_moves_money_once()
    {
        var wallet = await database.FundedWalletAsync(0);
        await using var scope = database.NewScope();
        var request = new CompensationRequest(Key(), wallet.Id, new Money(500, s_cny), "Goodwill for the delay");

        var first = await scope.Ledger.CreditCompensationAsync(request, _ct);
        var retry = await scope.Ledger.CreditCompensationAsync(request, _ct);

        Assert.True(first.IsSuccess);
        Assert.True(retry.IsSuccess);
        Assert.Equal(first.Value.Reference, retry.Value.Reference);
        await using var db = database.NewContext();
        Assert.Equal(500, (await db.Accounts.SingleAsync(a => a.Id == wallet.Id, _ct)).BalanceMinor);
        Assert.Equal(1, await db.Transactions.CountAsync(t => t.AccountId == wallet.Id, _ct));
    }

    [Fact]
    public async Task The_same_key_with_a_different_request_is_a_conflict_and_moves_nothing()
    {
        var wallet = await database.FundedWalletAsync(0);
        await using var scope = database.NewScope();
        var key = Key();
        Assert.True((await scope.Ledger.CreditCompensationAsync(new CompensationRequest(key, wallet.Id, new Money(500, s_cny), "Goodwill"), _ct)).IsSuccess);

        var other = await scope.Ledger.CreditCompensationAsync(new CompensationRequest(key, wallet.Id, new Money(900, s_cny), "Goodwill"), _ct);
        var otherOperation = await scope.Ledger.FreezeAsync(new AccountStatusRequest(key, wallet.Id, "Goodwill"), _ct);

        Assert.Equal(ErrorKind.Conflict, other.Error?.Kind);
        Assert.Equal("idempotency_key_reused", other.Error!.Code);
        Assert.Equal(ErrorKind.Conflict, otherOperation.Error?.Kind);
        await using var db = database.NewContext();
        var account = await db.Accounts.SingleAsync(a => a.Id == wallet.Id, _ct);
        Assert.Equal(500, account.BalanceMinor);
        Assert.Equal(LedgerAccountStatus.Active, account.Status);
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_move_money_once()
    {
        var wallet = await database.FundedWalletAsync(0);
        var request = new CompensationRequest(Key(), wallet.Id, new Money(700, s_cny), "Retry storm");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var scope = database.NewScope();
            return await scope.Ledger.CreditCompensationAsync(request, _ct);
        }));

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.Code));
        Assert.Single(results.Select(r => r.Value.Reference).Distinct());
        await using var db = database.NewContext();
        Assert.Equal(700, (await db.Accounts.SingleAsync(a => a.Id == wallet.Id, _ct)).BalanceMinor);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_named_and_nothing_posted()
    {
        var wallet = await database.FundedWalletAsync(1_000);
        await using var scope = database.NewScope();
        var payment = (await scope.Operations.PayAsync(null, wallet.Id, new Money(300, s_cny), "盒马鲜生", _ct)).Value;
        await using var db = database.NewContext();
        var postingsBefore = await db.Postings.CountAsync(_ct);

        var unknownAccount = await scope.Ledger.CreditCompensationAsync(new CompensationRequest(Key(), Guid.NewGuid(), new Money(100, s_cny), "x"), _ct);
        var wrongCurrency = await scope.Ledger.CreditCompensationAsync(new CompensationRequest(Key(), wallet.Id, new Money(100, Currency.Usd), "x"), _ct);
        var zero = await scope.Ledger.CreditCompensationAsync(new CompensationRequest(Key(), wallet.Id, new Money(0, s_cny), "x"), _ct);
        var negative = await scope.Ledger.RefundAsync(new RefundRequest(Key(), payment.Reference, new Money(-100, s_cny), "x"), _ct);
        var refundWrongCurrency = await scope.Ledger.RefundAsync(new RefundRequest(Key(), payment.Reference, new Money(100, Currency.Usd), "x"), _ct);
        var overRefund = await scope.Ledger.RefundAsync(new RefundRequest(Key(), payment.Reference, new Money(301, s_cny), "x"), _ct);
        var unknownReference = await scope.Ledger.RefundAsync(new RefundRequest(Key(), "TX2611250000000000", new Money(1, s_cny), "x"), _ct);
        var malformed = await scope.Ledger.RefundAsync(new RefundRequest("", "not a reference", default, " "), _ct);

        Assert.Equal((ErrorKind.NotFound, "accountId"), Describe(unknownAccount));
        Assert.Equal((ErrorKind.Validation, "amount"), Describe(wrongCurrency));
        Assert.Equal((ErrorKind.Validation, "amount"), Describe(zero));
        Assert.Equal((ErrorKind.Validation, "amount"), Describe(negative));
        Assert.Equal((ErrorKind.Validation, "amount"), Describe(refundWrongCurrency));
        Assert.Equal((ErrorKind.Validation, "amount"), Describe(overRefund));
        Assert.Equal((ErrorKind.NotFound, "originalReference"), Describe(unknownReference));
        Assert.Equal(["amount", "idempotencyKey", "originalReference", "reason"], malformed.Error!.Fields!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(postingsBefore, await db.Postings.CountAsync(_ct));
        Assert.Equal(700, (await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == wallet.Id, _ct)).BalanceMinor);
    }

    [Fact]
    public async Task A_frozen_wallet_refuses_debits_but_still_receives_credits()
    {
        var wallet = await database.FundedWalletAsync(1_000);
        await using var scope = database.NewScope();
        var key = Key();

        var frozen = await scope.Ledger.FreezeAsync(new AccountStatusRequest(key, wallet.Id, "Customer reported a lost phone"), _ct);
        var replay = await scope.Ledger.FreezeAsync(new AccountStatusRequest(key, wallet.Id, "Customer reported a lost phone"), _ct);
        var again = await scope.Ledger.FreezeAsync(new AccountStatusRequest(Key(), wallet.Id, "Twice"), _ct);
        var debit = await scope.Operations.PayAsync(null, wallet.Id, new Money(100, s_cny), "星巴克", _ct);
        var credit = await scope.Ledger.CreditCompensationAsync(new CompensationRequest(Key(), wallet.Id, new Money(100, s_cny), "Sorry"), _ct);
        var unfrozen = await scope.Ledger.UnfreezeAsync(new AccountStatusRequest(Key(), wallet.Id, "Phone recovered"), _ct);
        var debitAfter = await scope.Operations.PayAsync(null, wallet.Id, new Money(100, s_cny), "星巴克", _ct);

        Assert.Equal(LedgerAccountStatus.Frozen, frozen.Value.Status);
        Assert.True(replay.IsSuccess);
        Assert.Equal("account_status_unchanged", again.Error?.Code);
        Assert.Equal("account_frozen", debit.Error?.Code);
        Assert.True(credit.IsSuccess);
        Assert.Equal(LedgerAccountStatus.Active, unfrozen.Value.Status);
        Assert.True(debitAfter.IsSuccess);
        Assert.Equal(1_100, unfrozen.Value.Balance.MinorUnits);
    }

    [Fact]
    public async Task A_fee_is_reversed_once_and_only_a_fee_can_be()
    {
        var wallet = await database.FundedWalletAsync(1_000);
        await using var scope = database.NewScope();
        var fee = (await scope.Operations.ChargeFeeAsync(null, wallet.Id, new Money(200, s_cny), "提现手续费", _ct)).Value;
        var payment = (await scope.Operations.PayAsync(null, wallet.Id, new Money(100, s_cny), "肯德基", _ct)).Value;

        var reversed = await scope.Ledger.ReverseFeeAsync(new FeeReversalRequest(Key(), fee.Reference, "重复收费"), _ct);
        var twice = await scope.Ledger.ReverseFeeAsync(new FeeReversalRequest(Key(), fee.Reference, "重复收费"), _ct);
        var notFee = await scope.Ledger.ReverseFeeAsync(new FeeReversalRequest(Key(), payment.Reference, "重复收费"), _ct);

        Assert.Equal(LedgerTransactionType.FeeReversal, reversed.Value.Type);
        Assert.Equal(200, reversed.Value.Amount.MinorUnits);
        Assert.Equal("fee_not_reversible", twice.Error?.Code);
        Assert.Equal((ErrorKind.Validation, "feeReference"), Describe(notFee));
        Assert.Equal(LedgerTransactionStatus.Reversed, (await scope.Ledger.FindAsync(fee.Reference.ToLowerInvariant(), _ct)).Value.Status);
        await using var db = database.NewContext();
        Assert.Equal(900, (await db.Accounts.SingleAsync(a => a.Id == wallet.Id, _ct)).BalanceMinor);
        await LedgerAudit.AssertConsistentAsync(database);
    }

    [Fact]
    public async Task A_transfer_between_wallets_shows_in_both_histories_and_balances_both()
    {
        var sender = await database.FundedWalletAsync(5_000);
        var recipient = await database.FundedWalletAsync(0);
        await using var scope = database.NewScope();

        var sent = await scope.Operations.TransferAsync(null, sender.Id, recipient.Id, new Money(1_200, s_cny), _ct);
        var toSelf = await scope.Operations.TransferAsync(null, sender.Id, sender.Id, new Money(1, s_cny), _ct);
        var notRefundable = await scope.Ledger.RefundAsync(new RefundRequest(Key(), sent.Value.Reference, new Money(1, s_cny), "x"), _ct);

        Assert.True(sent.IsSuccess);
        Assert.Equal((ErrorKind.Validation, "toAccountId"), Describe(toSelf));
        Assert.Equal("not_refundable", notRefundable.Error?.Code);
        var senderHistory = await scope.Ledger.HistoryAsync(new HistoryQuery(sender.Id), _ct);
        var recipientHistory = await scope.Ledger.HistoryAsync(new HistoryQuery(recipient.Id), _ct);
        Assert.Equal(LedgerDirection.Debit, senderHistory.Value.Items[0].Direction);
        var received = Assert.Single(recipientHistory.Value.Items);
        Assert.Equal((LedgerTransactionType.Transfer, LedgerDirection.Credit, 1_200L), (received.Type, received.Direction, received.Amount.MinorUnits));
        await LedgerAudit.AssertConsistentAsync(database);
    }

    [Fact]
    public async Task History_pages_newest_first_within_a_time_window_without_gaps_or_repeats()
    {
        var wallet = await database.FundedWalletAsync(100_000);
        var start = database.Time.GetUtcNow();
        await using (var scope = database.NewScope())
        {
            for (var i = 0; i < 12; i++)
            {
                database.Time.Advance(TimeSpan.FromHours(1));
                Assert.True((await scope.Operations.PayAsync(null, wallet.Id, new Money(100 + i, s_cny), "罗森便利店", _ct)).IsSuccess);
            }
        }

        await using var reader = database.NewScope();
        var window = new HistoryQuery(wallet.Id, start.AddHours(3), start.AddHours(10), Limit: 3);
        var seen = new List<LedgerTransaction>();
        string? cursor = null;
        do
        {
            var page = await reader.Ledger.HistoryAsync(window with { Cursor = cursor }, _ct);
            Assert.True(page.IsSuccess);
            seen.AddRange(page.Value.Items);
            cursor = page.Value.NextCursor;
        }
        while (cursor is not null);

        // Payments at hours 3..9 are inside [start+3h, start+10h): amounts 102..108, newest first.
        Assert.Equal([108, 107, 106, 105, 104, 103, 102], seen.Select(t => t.Amount.MinorUnits));
        Assert.Equal(ErrorKind.Validation, (await reader.Ledger.HistoryAsync(window with { Cursor = "garbage" }, _ct)).Error?.Kind);
        Assert.Equal(ErrorKind.Validation, (await reader.Ledger.HistoryAsync(window with { From = start.AddHours(10), To = start }, _ct)).Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, (await reader.Ledger.HistoryAsync(new HistoryQuery(Guid.NewGuid()), _ct)).Error?.Kind);
    }

    private static string Key() => "test-" + Guid.NewGuid().ToString("N");

    private static (ErrorKind, string) Describe<T>(Result<T> result)
    {
        Assert.False(result.IsSuccess, "Expected an error.");
        return (result.Error.Kind, Assert.Single(result.Error.Fields!.Keys));
    }
}
