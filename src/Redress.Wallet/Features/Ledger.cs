using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;

namespace Redress.Wallet.Features;

/// <summary>The in-process <see cref="ILedger"/>: what the complaint side uses to look up, refund, compensate and freeze.</summary>
internal sealed partial class Ledger(LedgerWriter writer, TransactionQueries queries, ILogger<Ledger> logger) : ILedger
{
    /// <summary>Debits a refund may return; staff proposals are checked against the same list.</summary>
    internal static readonly IReadOnlyList<LedgerTransactionType> RefundableTypes =
        [LedgerTransactionType.Payment, LedgerTransactionType.BillPayment, LedgerTransactionType.Transfer, LedgerTransactionType.Withdrawal];

    public async Task<Result<Page<LedgerTransaction>>> HistoryAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        if (await writer.FindAccountAsync(query.AccountId, cancellationToken) is not { Kind: AccountKind.CustomerWallet })
        {
            return writer.AccountNotFound("accountId");
        }

        var page = await queries.PageAsync([query.AccountId], new TransactionFilter(From: query.From, To: query.To), query.Cursor, query.Limit, cancellationToken);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        return new Page<LedgerTransaction>([.. page.Value.Items.Select(t => t.ToLedgerTransaction())], page.Value.NextCursor);
    }

    public async Task<Result<LedgerTransaction>> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var normalised = errors.CheckReference(writer.Text, "reference", reference);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var transaction = await writer.FindTransactionAsync(normalised!, cancellationToken);
        return transaction is null ? writer.TransactionNotFound("reference") : transaction.ToLedgerTransaction();
    }

    public async Task<IReadOnlyList<LedgerAccount>> AccountsOfAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var accounts = await writer.Db.Accounts.AsNoTracking()
            .Where(a => a.CustomerId == customerId && a.Kind == AccountKind.CustomerWallet)
            .ToListAsync(cancellationToken);
        return [.. accounts.Select(a => a.ToLedgerAccount())];
    }

    public async Task<Result<LedgerTransaction>> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.CheckKey(writer.Text, request.IdempotencyKey);
        var reference = errors.CheckReference(writer.Text, "originalReference", request.OriginalReference);
        errors.CheckAmount(writer.Text, request.Amount);
        var reason = errors.CheckReason(writer.Text, request.Reason);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var amount = request.Amount;
        var write = IdempotentWrite.Of(request.IdempotencyKey, "refund", reference, amount.MinorUnits, amount.Currency.Code, reason);
        var result = await writer.ExecuteAsync(write, async ct =>
        {
            var original = await writer.FindTransactionAsync(reference!, ct);
            if (original is null)
            {
                return writer.TransactionNotFound("originalReference");
            }

            var source = await RefundSourceAsync(original, ct);
            if (source is null)
            {
                return Error.Conflict("not_refundable", writer.Text["NotRefundable"]);
            }

            if (!string.Equals(original.Currency, amount.Currency.Code, StringComparison.Ordinal))
            {
                return LedgerWriter.Invalid("amount", writer.Text["CurrencyMismatch", amount.Currency.Code, original.Currency]);
            }

            // The credit takes the wallet's lock first, so the refund total read next cannot change under us.
            if (!await writer.MoveBalanceAsync(original.AccountId, amount.Currency, amount.MinorUnits, ct))
            {
                return await writer.RefusalAsync(original.AccountId, amount.Currency, amount.MinorUnits, "originalReference", ct);
            }

            var refunded = await writer.Db.Transactions
                .Where(t => t.OriginalTransactionId == original.Id && t.Type == LedgerTransactionType.Refund
                    && (t.Status == LedgerTransactionStatus.Pending || t.Status == LedgerTransactionStatus.Completed))
                .SumAsync(t => t.AmountMinor, ct);
            if (refunded + amount.MinorUnits > original.AmountMinor)
            {
                var remaining = new Money(original.AmountMinor - refunded, amount.Currency);
                return LedgerWriter.Invalid("amount", writer.Text["RefundExceedsOriginal", remaining.ToString(System.Globalization.CultureInfo.CurrentCulture)]);
            }

            var refund = WalletTransaction.Create(original.AccountId, amount.Currency, LedgerTransactionType.Refund, LedgerDirection.Credit, amount.MinorUnits, original.Counterparty, reason, writer.Now, original);
            refund.Complete(writer.Now);
            writer.Post(refund, Posting.To(refund, original.AccountId, amount.MinorUnits), Posting.To(refund, source.Value, -amount.MinorUnits));
            return new Written(refund, null);
        }, cancellationToken);
        return Logged(result, "refund");
    }

    public async Task<Result<LedgerTransaction>> CreditCompensationAsync(CompensationRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.CheckKey(writer.Text, request.IdempotencyKey);
        errors.CheckAmount(writer.Text, request.Amount);
        var reason = errors.CheckReason(writer.Text, request.Reason);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var amount = request.Amount;
        var write = IdempotentWrite.Of(request.IdempotencyKey, "compensation", request.AccountId, amount.MinorUnits, amount.Currency.Code, reason);
        var result = await writer.ExecuteAsync(write, async ct =>
        {
            if (!await writer.MoveBalanceAsync(request.AccountId, amount.Currency, amount.MinorUnits, ct))
            {
                return await writer.RefusalAsync(request.AccountId, amount.Currency, amount.MinorUnits, "accountId", ct);
            }

            var credit = WalletTransaction.Create(request.AccountId, amount.Currency, LedgerTransactionType.Compensation, LedgerDirection.Credit, amount.MinorUnits, null, reason, writer.Now);
            credit.Complete(writer.Now);
            var expense = WalletAccount.SystemAccountId(AccountKind.CompensationExpense, amount.Currency);
            writer.Post(credit, Posting.To(credit, request.AccountId, amount.MinorUnits), Posting.To(credit, expense, -amount.MinorUnits));
            return new Written(credit, null);
        }, cancellationToken);
        return Logged(result, "compensation");
    }

    public async Task<Result<LedgerTransaction>> ReverseFeeAsync(FeeReversalRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.CheckKey(writer.Text, request.IdempotencyKey);
        var reference = errors.CheckReference(writer.Text, "feeReference", request.FeeReference);
        var reason = errors.CheckReason(writer.Text, request.Reason);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var write = IdempotentWrite.Of(request.IdempotencyKey, "fee-reversal", reference, reason);
        var result = await writer.ExecuteAsync(write, async ct =>
        {
            var fee = await writer.FindTransactionAsync(reference!, ct);
            if (fee is null)
            {
                return writer.TransactionNotFound("feeReference");
            }

            if (fee.Type != LedgerTransactionType.Fee)
            {
                return LedgerWriter.Invalid("feeReference", writer.Text["NotAFee"]);
            }

            // Marking the fee reversed is the guard: of two concurrent reversals, only one finds it still completed.
            var marked = await writer.Db.Transactions
                .Where(t => t.Id == fee.Id && t.Status == LedgerTransactionStatus.Completed)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Status, LedgerTransactionStatus.Reversed), ct);
            if (marked != 1)
            {
                return Error.Conflict("fee_not_reversible", writer.Text["FeeNotReversible"]);
            }

            var currency = fee.Amount.Currency;
            if (!await writer.MoveBalanceAsync(fee.AccountId, currency, fee.AmountMinor, ct))
            {
                return await writer.RefusalAsync(fee.AccountId, currency, fee.AmountMinor, "feeReference", ct);
            }

            var reversal = WalletTransaction.Create(fee.AccountId, currency, LedgerTransactionType.FeeReversal, LedgerDirection.Credit, fee.AmountMinor, fee.Counterparty, reason, writer.Now, fee);
            reversal.Complete(writer.Now);
            var income = WalletAccount.SystemAccountId(AccountKind.FeeIncome, currency);
            writer.Post(reversal, Posting.To(reversal, fee.AccountId, fee.AmountMinor), Posting.To(reversal, income, -fee.AmountMinor));
            return new Written(reversal, null);
        }, cancellationToken);
        return Logged(result, "fee-reversal");
    }

    public async Task<Result<LedgerTransaction>> SettlePendingRefundAsync(SettleRefundRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.CheckKey(writer.Text, request.IdempotencyKey);
        var reference = errors.CheckReference(writer.Text, "refundReference", request.RefundReference);
        var reason = errors.CheckReason(writer.Text, request.Reason);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var write = IdempotentWrite.Of(request.IdempotencyKey, "refund-settlement", reference, reason);
        var result = await writer.ExecuteAsync(write, async ct =>
        {
            var refund = await writer.FindTransactionAsync(reference!, ct);
            if (refund is null)
            {
                return writer.TransactionNotFound("refundReference");
            }

            var original = refund.OriginalTransactionId is { } originalId
                ? await writer.Db.Transactions.AsNoTracking().SingleOrDefaultAsync(t => t.Id == originalId, ct)
                : null;
            var source = original is null ? null : await RefundSourceAsync(original, ct);
            if (refund.Type != LedgerTransactionType.Refund || refund.Direction != LedgerDirection.Credit || source is null)
            {
                return LedgerWriter.Invalid("refundReference", writer.Text["NotAPendingRefund"]);
            }

            // Completing the row is the guard: of two settlements (or a settlement and the merchant's own
            // confirmation), only one finds it still pending with no money moved.
            var now = writer.Now;
            var settled = await writer.Db.Transactions
                .Where(t => t.Id == refund.Id && t.Status == LedgerTransactionStatus.Pending && !t.Posted)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(t => t.Status, LedgerTransactionStatus.Completed).SetProperty(t => t.CompletedAt, now).SetProperty(t => t.Posted, true),
                    ct);
            if (settled != 1)
            {
                return Error.Conflict("refund_not_pending", writer.Text["NotAPendingRefund"]);
            }

            var currency = refund.Amount.Currency;
            if (!await writer.MoveBalanceAsync(refund.AccountId, currency, refund.AmountMinor, ct))
            {
                return await writer.RefusalAsync(refund.AccountId, currency, refund.AmountMinor, "refundReference", ct);
            }

            var tracked = await writer.Db.Transactions.SingleAsync(t => t.Id == refund.Id, ct);
            writer.Db.JournalEntries.Add(JournalEntry.Create(now, Posting.To(tracked, refund.AccountId, refund.AmountMinor), Posting.To(tracked, source.Value, -refund.AmountMinor)));
            return new Written(tracked, null);
        }, cancellationToken);
        return Logged(result, "refund-settlement");
    }

    public async Task<Result<LedgerTransaction>> ReverseAsync(ReversalRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.CheckKey(writer.Text, request.IdempotencyKey);
        var reference = errors.CheckReference(writer.Text, "reference", request.Reference);
        var reason = errors.CheckReason(writer.Text, request.Reason);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var write = IdempotentWrite.Of(request.IdempotencyKey, "reversal", reference, reason);
        var result = await writer.ExecuteAsync(write, async ct =>
        {
            var credit = await writer.FindTransactionAsync(reference!, ct);
            if (credit is null)
            {
                return writer.TransactionNotFound("reference");
            }

            if (credit.Type is not (LedgerTransactionType.Refund or LedgerTransactionType.Compensation) || credit.Direction != LedgerDirection.Credit || !credit.Posted)
            {
                return LedgerWriter.Invalid("reference", writer.Text["NotReversible"]);
            }

            // Marking the credit reversed is the guard, as for fees: a second reversal finds it no longer completed.
            var marked = await writer.Db.Transactions
                .Where(t => t.Id == credit.Id && t.Status == LedgerTransactionStatus.Completed)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Status, LedgerTransactionStatus.Reversed), ct);
            if (marked != 1)
            {
                return Error.Conflict("already_reversed", writer.Text["AlreadyReversed"]);
            }

            var currency = credit.Amount.Currency;
            if (!await writer.MoveBalanceAsync(credit.AccountId, currency, -credit.AmountMinor, ct))
            {
                return await writer.RefusalAsync(credit.AccountId, currency, -credit.AmountMinor, "reference", ct);
            }

            // The money goes back to the system account the credit took it from (merchant settlement, compensation expense).
            var postings = writer.Db.Postings.AsNoTracking();
            var entryId = await postings.Where(p => p.TransactionId == credit.Id).Select(p => p.EntryId).FirstAsync(ct);
            var source = await postings.Where(p => p.EntryId == entryId && p.AccountId != credit.AccountId && p.AmountMinor < 0).Select(p => p.AccountId).FirstAsync(ct);
            var reversal = WalletTransaction.Create(credit.AccountId, currency, LedgerTransactionType.Reversal, LedgerDirection.Debit, credit.AmountMinor, credit.Counterparty, reason, writer.Now, credit);
            reversal.Complete(writer.Now);
            writer.Post(reversal, Posting.To(reversal, credit.AccountId, -credit.AmountMinor), Posting.To(reversal, source, credit.AmountMinor));
            return new Written(reversal, null);
        }, cancellationToken);
        return Logged(result, "reversal");
    }

    public Task<Result<LedgerAccount>> FreezeAsync(AccountStatusRequest request, CancellationToken cancellationToken) =>
        ChangeStatusAsync(request, "freeze", LedgerAccountStatus.Active, LedgerAccountStatus.Frozen, cancellationToken);

    public Task<Result<LedgerAccount>> UnfreezeAsync(AccountStatusRequest request, CancellationToken cancellationToken) =>
        ChangeStatusAsync(request, "unfreeze", LedgerAccountStatus.Frozen, LedgerAccountStatus.Active, cancellationToken);

    private async Task<Result<LedgerAccount>> ChangeStatusAsync(
        AccountStatusRequest request, string operation, LedgerAccountStatus from, LedgerAccountStatus to, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.CheckKey(writer.Text, request.IdempotencyKey);
        var reason = errors.CheckReason(writer.Text, request.Reason);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var write = IdempotentWrite.Of(request.IdempotencyKey, operation, request.AccountId, reason);
        var result = await writer.ExecuteAsync(write, async ct =>
        {
            var changed = await writer.Db.Accounts
                .Where(a => a.Id == request.AccountId && a.Kind == AccountKind.CustomerWallet && a.Status == from)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, to), ct);
            var account = await writer.FindAccountAsync(request.AccountId, ct);
            if (account is not { Kind: AccountKind.CustomerWallet })
            {
                return writer.AccountNotFound("accountId");
            }

            return changed == 1
                ? new Written(null, account)
                : Error.Conflict("account_status_unchanged", writer.Text[to == LedgerAccountStatus.Frozen ? "AccountNotActive" : "AccountNotFrozen"]);
        }, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error;
        }

        LogAccountStatus(logger, operation, result.Value.Account!.Id, result.Value.Account.Status);
        return result.Value.Account.ToLedgerAccount();
    }

    /// <summary>
    /// Where a refund's money comes from: the system account that received the original debit (merchant settlement,
    /// funding clearing). Null when the original is not a posted debit of a refundable type, or went to another
    /// customer's wallet, whose money a refund must not take back.
    /// </summary>
    private async Task<Guid?> RefundSourceAsync(WalletTransaction original, CancellationToken cancellationToken)
    {
        if (!original.Posted || original.Direction != LedgerDirection.Debit || !RefundableTypes.Contains(original.Type) || original.Status == LedgerTransactionStatus.Reversed)
        {
            return null;
        }

        var postings = writer.Db.Postings.AsNoTracking();
        var entryId = await postings.Where(p => p.TransactionId == original.Id).Select(p => p.EntryId).FirstAsync(cancellationToken);
        var systemAccounts = writer.Db.Accounts.Where(a => a.Kind != AccountKind.CustomerWallet).Select(a => a.Id);
        return await postings
            .Where(p => p.EntryId == entryId && p.AmountMinor > 0 && systemAccounts.Contains(p.AccountId))
            .Select(p => (Guid?)p.AccountId)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private Result<LedgerTransaction> Logged(Result<Written> result, string operation)
    {
        if (!result.IsSuccess)
        {
            return result.Error;
        }

        var transaction = result.Value.Transaction!;
        LogWrite(logger, operation, transaction.Reference, transaction.AmountMinor, transaction.Currency);
        return transaction.ToLedgerTransaction();
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Ledger {Operation} {Reference}: {AmountMinor} minor units of {Currency}")]
    private static partial void LogWrite(ILogger logger, string operation, string reference, long amountMinor, string currency);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Ledger {Operation} of account {AccountId}: now {Status}")]
    private static partial void LogAccountStatus(ILogger logger, string operation, Guid accountId, LedgerAccountStatus status);
}
