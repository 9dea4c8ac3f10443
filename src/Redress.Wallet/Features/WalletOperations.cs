using Microsoft.EntityFrameworkCore;
using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;

namespace Redress.Wallet.Features;

/// <summary>
/// The customer's own movements (top-up, payment, bill payment, withdrawal, transfer, fee) through the same guarded
/// write path as the ledger interface. In Redress these stand in for the operator's core system: demo data, tests
/// and the benchmark drive them; no endpoint lets a customer move money.
/// </summary>
internal sealed class WalletOperations(LedgerWriter writer)
{
    private static readonly AccountKind[] s_systemKinds =
        [AccountKind.FundingClearing, AccountKind.MerchantSettlement, AccountKind.FeeIncome, AccountKind.CompensationExpense];

    /// <summary>Opens the customer's wallet in a currency (or returns the one they have), with that currency's system accounts.</summary>
    public async Task<WalletAccount> OpenWalletAsync(Guid customerId, Currency currency, CancellationToken cancellationToken)
    {
        var db = writer.Db;
        for (var attempt = 1; ; attempt++)
        {
            var existing = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.CustomerId == customerId && a.Currency == currency.Code, cancellationToken);
            if (existing is not null)
            {
                return existing;
            }

            var wallet = WalletAccount.OpenCustomerWallet(customerId, currency, writer.Now);
            db.Accounts.Add(wallet);
            await AddMissingSystemAccountsAsync(currency, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return wallet;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Someone opened the same wallet or the same system accounts at the same moment; read theirs.
                db.ChangeTracker.Clear();
            }
        }
    }

    public Task<Result<WalletTransaction>> TopUpAsync(string? idempotencyKey, Guid accountId, Money amount, CancellationToken cancellationToken) =>
        MoveAsync(idempotencyKey, accountId, amount, LedgerTransactionType.TopUp, LedgerDirection.Credit, AccountKind.FundingClearing, null, cancellationToken);

    public Task<Result<WalletTransaction>> PayAsync(string? idempotencyKey, Guid accountId, Money amount, string merchant, CancellationToken cancellationToken) =>
        MoveAsync(idempotencyKey, accountId, amount, LedgerTransactionType.Payment, LedgerDirection.Debit, AccountKind.MerchantSettlement, merchant, cancellationToken);

    public Task<Result<WalletTransaction>> PayBillAsync(string? idempotencyKey, Guid accountId, Money amount, string biller, CancellationToken cancellationToken) =>
        MoveAsync(idempotencyKey, accountId, amount, LedgerTransactionType.BillPayment, LedgerDirection.Debit, AccountKind.MerchantSettlement, biller, cancellationToken);

    public Task<Result<WalletTransaction>> WithdrawAsync(string? idempotencyKey, Guid accountId, Money amount, CancellationToken cancellationToken) =>
        MoveAsync(idempotencyKey, accountId, amount, LedgerTransactionType.Withdrawal, LedgerDirection.Debit, AccountKind.FundingClearing, null, cancellationToken);

    public Task<Result<WalletTransaction>> ChargeFeeAsync(string? idempotencyKey, Guid accountId, Money amount, string description, CancellationToken cancellationToken) =>
        MoveAsync(idempotencyKey, accountId, amount, LedgerTransactionType.Fee, LedgerDirection.Debit, AccountKind.FeeIncome, description, cancellationToken);

    /// <summary>
    /// A transfer out of the wallet that the receiving side rejected after the money had left: debited and posted,
    /// then marked failed, and nothing sent back — the case a complaint is about.
    /// </summary>
    public async Task<Result<WalletTransaction>> TransferFailedAfterDebitAsync(Guid accountId, Money amount, string payee, string failureReason, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.CheckAmount(writer.Text, amount);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var result = await writer.ExecuteAsync(null, async ct =>
        {
            if (!await writer.MoveBalanceAsync(accountId, amount.Currency, -amount.MinorUnits, ct))
            {
                return await writer.RefusalAsync(accountId, amount.Currency, -amount.MinorUnits, "accountId", ct);
            }

            var transfer = WalletTransaction.Create(accountId, amount.Currency, LedgerTransactionType.Transfer, LedgerDirection.Debit, amount.MinorUnits, payee, null, writer.Now);
            transfer.Fail(failureReason, writer.Now);
            var clearing = WalletAccount.SystemAccountId(AccountKind.FundingClearing, amount.Currency);
            writer.Post(transfer, Posting.To(transfer, accountId, -amount.MinorUnits), Posting.To(transfer, clearing, amount.MinorUnits));
            return new Written(transfer, null);
        }, cancellationToken);
        return result.IsSuccess ? result.Value.Transaction! : result.Error;
    }

    /// <summary>
    /// A merchant's refund of a payment, agreed and promised by a date but not yet paid: pending, no money moved.
    /// It counts against what can still be refunded of the payment.
    /// </summary>
    public async Task<Result<WalletTransaction>> PromiseMerchantRefundAsync(string paymentReference, Money amount, DateTimeOffset promisedBy, CancellationToken cancellationToken)
    {
        var payment = await writer.FindTransactionAsync(paymentReference, cancellationToken);
        if (payment is null)
        {
            return writer.TransactionNotFound("paymentReference");
        }

        var refund = WalletTransaction.Create(payment.AccountId, amount.Currency, LedgerTransactionType.Refund, LedgerDirection.Credit, amount.MinorUnits, payment.Counterparty, null, writer.Now, payment);
        refund.Promise(promisedBy);
        var result = await writer.ExecuteAsync(null, _ =>
        {
            writer.Db.Transactions.Add(refund);
            return Task.FromResult<Result<Written>>(new Written(refund, null));
        }, cancellationToken);
        return result.IsSuccess ? result.Value.Transaction! : result.Error;
    }

    /// <summary>Moves money between two wallets in one entry; each wallet's history shows its own side of it.</summary>
    public async Task<Result<WalletTransaction>> TransferAsync(string? idempotencyKey, Guid fromAccountId, Guid toAccountId, Money amount, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.CheckAmount(writer.Text, amount);
        if (fromAccountId == toAccountId)
        {
            errors.Add("toAccountId", writer.Text["TransferToSelf"]);
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var write = idempotencyKey is null ? null : IdempotentWrite.Of(idempotencyKey, "transfer", fromAccountId, toAccountId, amount.MinorUnits, amount.Currency.Code);
        var result = await writer.ExecuteAsync(write, async ct =>
        {
            // Lock the two wallets in id order, so that A→B and B→A at once cannot deadlock on PostgreSQL.
            var moves = new[] { (Id: fromAccountId, Delta: -amount.MinorUnits, Field: "fromAccountId"), (Id: toAccountId, Delta: amount.MinorUnits, Field: "toAccountId") };
            foreach (var (id, delta, field) in moves.OrderBy(m => m.Id))
            {
                if (!await writer.MoveBalanceAsync(id, amount.Currency, delta, ct))
                {
                    return await writer.RefusalAsync(id, amount.Currency, delta, field, ct);
                }
            }

            var sent = WalletTransaction.Create(fromAccountId, amount.Currency, LedgerTransactionType.Transfer, LedgerDirection.Debit, amount.MinorUnits, null, null, writer.Now);
            var received = WalletTransaction.Create(toAccountId, amount.Currency, LedgerTransactionType.Transfer, LedgerDirection.Credit, amount.MinorUnits, null, null, writer.Now);
            sent.Complete(writer.Now);
            received.Complete(writer.Now);
            writer.Db.Transactions.Add(received);
            received.MarkPosted();
            writer.Post(sent, Posting.To(sent, fromAccountId, -amount.MinorUnits), Posting.To(received, toAccountId, amount.MinorUnits));
            return new Written(sent, null);
        }, cancellationToken);
        return result.IsSuccess ? result.Value.Transaction! : result.Error;
    }

    private async Task<Result<WalletTransaction>> MoveAsync(
        string? idempotencyKey, Guid accountId, Money amount, LedgerTransactionType type, LedgerDirection direction, AccountKind counterKind, string? counterparty, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.CheckAmount(writer.Text, amount);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var write = idempotencyKey is null ? null : IdempotentWrite.Of(idempotencyKey, type.ToString(), accountId, amount.MinorUnits, amount.Currency.Code, counterparty);
        var delta = direction == LedgerDirection.Credit ? amount.MinorUnits : -amount.MinorUnits;
        var result = await writer.ExecuteAsync(write, async ct =>
        {
            if (!await writer.MoveBalanceAsync(accountId, amount.Currency, delta, ct))
            {
                return await writer.RefusalAsync(accountId, amount.Currency, delta, "accountId", ct);
            }

            var transaction = WalletTransaction.Create(accountId, amount.Currency, type, direction, amount.MinorUnits, counterparty, null, writer.Now);
            transaction.Complete(writer.Now);
            writer.Post(transaction, Posting.To(transaction, accountId, delta), Posting.To(transaction, WalletAccount.SystemAccountId(counterKind, amount.Currency), -delta));
            return new Written(transaction, null);
        }, cancellationToken);
        return result.IsSuccess ? result.Value.Transaction! : result.Error;
    }

    private async Task AddMissingSystemAccountsAsync(Currency currency, CancellationToken cancellationToken)
    {
        var ids = s_systemKinds.Select(kind => WalletAccount.SystemAccountId(kind, currency)).ToList();
        var present = await writer.Db.Accounts.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var kind in s_systemKinds.Where(kind => !present.Contains(WalletAccount.SystemAccountId(kind, currency))))
        {
            writer.Db.Accounts.Add(WalletAccount.OpenSystem(kind, currency, writer.Now));
        }
    }
}
