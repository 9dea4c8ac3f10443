using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;

namespace Redress.Wallet;

/// <summary>
/// A transaction as it appears in one wallet's history. The money it moved, if any, is in its journal entry's
/// postings; <see cref="Posted"/> records that it has some, so lists need no join to tell "failed, nothing taken"
/// from "failed after the money left".
/// </summary>
internal sealed class WalletTransaction
{
    private WalletTransaction()
    {
        Reference = string.Empty;
        Currency = string.Empty;
    }

    public long Id { get; private set; }

    public string Reference { get; private set; }

    public Guid AccountId { get; private set; }

    public LedgerTransactionType Type { get; private set; }

    public LedgerTransactionStatus Status { get; private set; }

    public LedgerDirection Direction { get; private set; }

    public long AmountMinor { get; private set; }

    public string Currency { get; private set; }

    public string? Counterparty { get; private set; }

    public string? Description { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? FailureReason { get; private set; }

    public long? OriginalTransactionId { get; private set; }

    /// <summary>Set only when the original is new in the same save (demo data), so that EF orders the inserts.</summary>
    public WalletTransaction? Original { get; private set; }

    public string? OriginalReference { get; private set; }

    /// <summary>When a pending transaction (a merchant's refund) was promised to arrive.</summary>
    public DateTimeOffset? PromisedBy { get; private set; }

    public bool Posted { get; private set; }

    public Guid? FundingSourceId { get; private set; }

    public Money Amount => new(AmountMinor, SharedKernel.Currency.From(Currency));

    public static WalletTransaction Create(
        Guid accountId,
        Currency currency,
        LedgerTransactionType type,
        LedgerDirection direction,
        long amountMinor,
        string? counterparty,
        string? description,
        DateTimeOffset createdAt,
        WalletTransaction? original = null) => new()
        {
            Reference = TransactionReference.New(createdAt),
            AccountId = accountId,
            Type = type,
            Status = LedgerTransactionStatus.Pending,
            Direction = direction,
            AmountMinor = amountMinor,
            Currency = currency.Code,
            Counterparty = counterparty,
            Description = description,
            CreatedAt = createdAt,
            OriginalTransactionId = original is { Id: > 0 } ? original.Id : null,
            Original = original is { Id: 0 } ? original : null,
            OriginalReference = original?.Reference,
        };

    /// <summary>The signed amount for the wallet: positive for a credit, negative for a debit.</summary>
    public long WalletDelta => Direction == LedgerDirection.Credit ? AmountMinor : -AmountMinor;

    public void Complete(DateTimeOffset at)
    {
        Status = LedgerTransactionStatus.Completed;
        CompletedAt = at;
    }

    public void Fail(string reason, DateTimeOffset at)
    {
        Status = LedgerTransactionStatus.Failed;
        FailureReason = reason;
        CompletedAt = at;
    }

    public void Promise(DateTimeOffset promisedBy) => PromisedBy = promisedBy;

    public void MarkReversed() => Status = LedgerTransactionStatus.Reversed;

    public void MarkPosted() => Posted = true;

    public void UseFundingSource(FundingSource source) => FundingSourceId = source.Id;

    public LedgerTransaction ToLedgerTransaction() => new(
        Reference,
        AccountId,
        Type,
        Status,
        Direction,
        Amount,
        Counterparty,
        Description,
        CreatedAt,
        CompletedAt,
        FailureReason,
        OriginalReference,
        PromisedBy,
        Posted);
}
