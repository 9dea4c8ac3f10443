namespace Redress.SharedKernel.Ledger;

/// <summary>
/// The ledger as the complaint side sees it. Redress.Wallet implements it in-process; an operator's own core
/// system could implement it over HTTP. Every write takes an idempotency key: the same key with the same request
/// returns the first result (the same transaction or account), the same key with another request is a conflict.
/// </summary>
public interface ILedger
{
    /// <summary>An account's transactions, newest first, optionally within [From, To), keyset-paged.</summary>
    Task<Result<Page<LedgerTransaction>>> HistoryAsync(HistoryQuery query, CancellationToken cancellationToken);

    Task<Result<LedgerTransaction>> FindAsync(string reference, CancellationToken cancellationToken);

    /// <summary>A customer's wallets, so that the complaint side can tell whose transaction a reference names.</summary>
    Task<IReadOnlyList<LedgerAccount>> AccountsOfAsync(Guid customerId, CancellationToken cancellationToken);

    /// <summary>Refunds a debit in full or in part; never more than the original minus earlier (and pending) refunds.</summary>
    Task<Result<LedgerTransaction>> RefundAsync(RefundRequest request, CancellationToken cancellationToken);

    Task<Result<LedgerTransaction>> CreditCompensationAsync(CompensationRequest request, CancellationToken cancellationToken);

    /// <summary>Returns a fee in full and marks the fee reversed; a fee is reversed at most once.</summary>
    Task<Result<LedgerTransaction>> ReverseFeeAsync(FeeReversalRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Pays a pending merchant refund out of the merchant's settlement account now and marks it completed, so that a
    /// later confirmation from the merchant finds nothing pending and cannot pay it a second time.
    /// </summary>
    Task<Result<LedgerTransaction>> SettlePendingRefundAsync(SettleRefundRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Takes back a completed refund or compensation credit: debits the wallet, returns the money to where it came
    /// from and marks the original reversed; a transaction is reversed at most once.
    /// </summary>
    Task<Result<LedgerTransaction>> ReverseAsync(ReversalRequest request, CancellationToken cancellationToken);

    /// <summary>Stops debits from the account; credits (refunds, compensation) still arrive.</summary>
    Task<Result<LedgerAccount>> FreezeAsync(AccountStatusRequest request, CancellationToken cancellationToken);

    Task<Result<LedgerAccount>> UnfreezeAsync(AccountStatusRequest request, CancellationToken cancellationToken);
}

public enum LedgerTransactionType
{
    TopUp,
    Payment,
    Transfer,
    BillPayment,
    Withdrawal,
    Refund,
    Fee,
    Compensation,
    FeeReversal,
    Reversal,
}

public enum LedgerTransactionStatus
{
    Pending,
    Completed,
    Failed,
    Reversed,
}

/// <summary>Which way money moves for the wallet the transaction belongs to.</summary>
public enum LedgerDirection
{
    Credit,
    Debit,
}

public enum LedgerAccountStatus
{
    Active,
    Frozen,
    Closed,
}

/// <summary>
/// A transaction as its wallet's owner sees it. <see cref="Posted"/> says whether money actually moved: a failed
/// transfer with <c>Posted</c> true is the classic "money left my wallet but the transfer failed".
/// </summary>
public sealed record LedgerTransaction(
    string Reference,
    Guid AccountId,
    LedgerTransactionType Type,
    LedgerTransactionStatus Status,
    LedgerDirection Direction,
    Money Amount,
    string? Counterparty,
    string? Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string? FailureReason,
    string? OriginalReference,
    DateTimeOffset? PromisedBy,
    bool Posted);

public sealed record LedgerAccount(Guid AccountId, Guid CustomerId, Money Balance, LedgerAccountStatus Status);

public sealed record HistoryQuery(Guid AccountId, DateTimeOffset? From = null, DateTimeOffset? To = null, string? Cursor = null, int? Limit = null);

public sealed record RefundRequest(string IdempotencyKey, string OriginalReference, Money Amount, string Reason);

public sealed record CompensationRequest(string IdempotencyKey, Guid AccountId, Money Amount, string Reason);

public sealed record FeeReversalRequest(string IdempotencyKey, string FeeReference, string Reason);

public sealed record AccountStatusRequest(string IdempotencyKey, Guid AccountId, string Reason);

public sealed record SettleRefundRequest(string IdempotencyKey, string RefundReference, string Reason);

public sealed record ReversalRequest(string IdempotencyKey, string Reference, string Reason);
