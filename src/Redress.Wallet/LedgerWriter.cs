using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;
using Redress.Wallet.Data;
using Redress.Wallet.Resources;

namespace Redress.Wallet;

/// <summary>What a ledger write produced: a transaction, or (for freeze and unfreeze) an account.</summary>
internal sealed record Written(WalletTransaction? Transaction, WalletAccount? Account);

/// <summary>An idempotent write: its key, what it is, and a hash of everything it asks for.</summary>
internal sealed record IdempotentWrite(string Key, string Operation, string RequestHash)
{
    public static IdempotentWrite Of(string key, string operation, params object?[] request)
    {
        var canonical = string.Join('\u001f', request.Select(part => Convert.ToString(part, CultureInfo.InvariantCulture) ?? "\u2400"));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(operation + '\u001e' + canonical)));
        return new IdempotentWrite(key, operation, hash);
    }
}

/// <summary>
/// The one way money moves. Each write runs in one database transaction that (1) moves the stored balance of each
/// customer wallet with a guarded UPDATE (<c>... WHERE balance &gt;= amount</c>, checked by rows affected), which on
/// PostgreSQL row-locks the wallet and on SQLite runs under the write lock taken by BEGIN IMMEDIATE;
/// (2) inserts the transaction, its balanced journal entry and the idempotency record; (3) commits. A failed check
/// rolls everything back, so nothing is ever half-posted. See ADR 8.
/// </summary>
internal sealed class LedgerWriter(WalletDbContext db, TimeProvider time, IStringLocalizer<WalletMessages> text)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public WalletDbContext Db => db;

    public IStringLocalizer<WalletMessages> Text => text;

    public async Task<Result<Written>> ExecuteAsync(IdempotentWrite? write, Func<CancellationToken, Task<Result<Written>>> work, CancellationToken cancellationToken)
    {
        // One connection for the key lookup and the transaction: opening one runs the per-connection set-up (SQLite pragmas).
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await ExecuteOnOpenConnectionAsync(write, work, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Result<Written>> ExecuteOnOpenConnectionAsync(IdempotentWrite? write, Func<CancellationToken, Task<Result<Written>>> work, CancellationToken cancellationToken)
    {
        if (write is not null && await FindRecordAsync(write.Key, cancellationToken) is { } earlier)
        {
            return await ReplayAsync(earlier, write, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await work(cancellationToken);
            if (!result.IsSuccess)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return result;
            }

            if (write is not null)
            {
                db.IdempotencyRecords.Add(IdempotencyRecord.For(write.Key, write.Operation, write.RequestHash, result.Value.Transaction, result.Value.Account?.Id, Now));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return result;
        }
        catch (DbUpdateException) when (write is not null)
        {
            // Most likely a concurrent request with the same key committed first: roll back ours and answer with its result.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var winner = await FindRecordAsync(write.Key, cancellationToken)
                ?? throw new InvalidOperationException("A ledger write failed to save and no other write holds its idempotency key.");
            return await ReplayAsync(winner, write, cancellationToken);
        }
    }

    /// <summary>
    /// Moves a customer wallet's stored balance; false when the guard refused: no such wallet in this currency,
    /// frozen or closed, or not enough money. Callers ask <see cref="RefusalAsync"/> which.
    /// </summary>
    public async Task<bool> MoveBalanceAsync(Guid accountId, Currency currency, long delta, CancellationToken cancellationToken)
    {
        var wallets = db.Accounts.Where(a => a.Id == accountId && a.Kind == AccountKind.CustomerWallet && a.Currency == currency.Code);
        var guarded = delta < 0
            ? wallets.Where(a => a.Status == LedgerAccountStatus.Active && a.BalanceMinor >= -delta)
            : wallets.Where(a => a.Status != LedgerAccountStatus.Closed);
        return await guarded.ExecuteUpdateAsync(set => set.SetProperty(a => a.BalanceMinor, a => a.BalanceMinor + delta), cancellationToken) == 1;
    }

    /// <summary>Why a guarded move was refused, read after the fact so that the answer is current.</summary>
    public async Task<Error> RefusalAsync(Guid accountId, Currency currency, long delta, string accountField, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null || account.Kind != AccountKind.CustomerWallet)
        {
            return AccountNotFound(accountField);
        }

        if (!string.Equals(account.Currency, currency.Code, StringComparison.Ordinal))
        {
            return Invalid("amount", text["CurrencyMismatch", currency.Code, account.Currency]);
        }

        return account.Status switch
        {
            LedgerAccountStatus.Closed => Error.Conflict("account_closed", text["AccountClosed"]),
            LedgerAccountStatus.Frozen when delta < 0 => Error.Conflict("account_frozen", text["AccountFrozen"]),
            _ => Error.Conflict("insufficient_funds", text["InsufficientFunds"]),
        };
    }

    public Error AccountNotFound(string field) =>
        new("account_not_found", text["AccountNotFound"], ErrorKind.NotFound, new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [text["AccountNotFound"]] });

    public Error TransactionNotFound(string field) =>
        new("transaction_not_found", text["TransactionNotFound"], ErrorKind.NotFound, new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [text["TransactionNotFound"]] });

    public static Error Invalid(string field, string message) =>
        Error.Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    /// <summary>Writes the transaction's journal entry; the caller has already moved the wallet balances it touches.</summary>
    public void Post(WalletTransaction transaction, params IEnumerable<Posting> postings)
    {
        db.Transactions.Add(transaction);
        db.JournalEntries.Add(JournalEntry.Create(Now, postings));
        transaction.MarkPosted();
    }

    public Task<WalletAccount?> FindAccountAsync(Guid accountId, CancellationToken cancellationToken) =>
        db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);

    public Task<WalletTransaction?> FindTransactionAsync(string reference, CancellationToken cancellationToken) =>
        db.Transactions.AsNoTracking().SingleOrDefaultAsync(t => t.Reference == reference, cancellationToken);

    private Task<IdempotencyRecord?> FindRecordAsync(string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key, cancellationToken);

    private async Task<Result<Written>> ReplayAsync(IdempotencyRecord earlier, IdempotentWrite write, CancellationToken cancellationToken)
    {
        if (!string.Equals(earlier.Operation, write.Operation, StringComparison.Ordinal) || !string.Equals(earlier.RequestHash, write.RequestHash, StringComparison.Ordinal))
        {
            return Error.Conflict("idempotency_key_reused", text["IdempotencyKeyReused"]);
        }

        var transaction = earlier.TransactionId is { } id
            ? await db.Transactions.AsNoTracking().SingleAsync(t => t.Id == id, cancellationToken)
            : null;
        var account = earlier.AccountId is { } accountId
            ? await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId, cancellationToken)
            : null;
        return new Written(transaction, account);
    }
}
