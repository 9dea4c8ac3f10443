using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;

namespace Redress.Wallet.Features;

/// <summary>An amount as clients see it: exact minor units, the currency, and the decimal amount for display.</summary>
public sealed record AmountView(long MinorUnits, string Currency, decimal Amount)
{
    internal static AmountView From(Money money) => new(money.MinorUnits, money.Currency.Code, money.Amount);
}

/// <summary>A linked card or bank account, masked: only the last four digits exist anywhere.</summary>
public sealed record FundingSourceView(string Kind, string Issuer, string LastFour);

public sealed record WalletAccountView(Guid AccountId, string Currency, AmountView Balance, LedgerAccountStatus Status, IReadOnlyList<FundingSourceView> FundingSources);

public sealed record LedgerAccountView(Guid AccountId, Guid CustomerId, AmountView Balance, LedgerAccountStatus Status);

public sealed record WalletOverview(Guid CustomerId, IReadOnlyList<WalletAccountView> Accounts);

public sealed record WalletTransactionView(
    string Reference,
    Guid AccountId,
    LedgerTransactionType Type,
    LedgerTransactionStatus Status,
    LedgerDirection Direction,
    AmountView Amount,
    string? Counterparty,
    string? Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string? FailureReason,
    string? OriginalReference,
    DateTimeOffset? PromisedBy,
    bool Posted);

/// <summary>What the ledger notices about a transaction that a complaint is likely to be about.</summary>
public enum TransactionSignal
{
    /// <summary>Failed, yet the money left the wallet and has not come back.</summary>
    FailedAfterDebit,

    /// <summary>A refund (or the payment it belongs to) still pending after the date it was promised for.</summary>
    RefundOverdue,

    /// <summary>Another charge with the same amount and payee within minutes.</summary>
    PossibleDuplicate,

    /// <summary>The only transaction with this payee: worth asking whether the customer recognises it.</summary>
    FirstTimeCounterparty,
}

/// <summary>
/// A transaction with what a complaint about it needs: related refunds or the original, signals, how much was
/// refunded, and the complaint category to suggest (a name of the complaints module's categories).
/// </summary>
public sealed record TransactionDetails(
    WalletTransactionView Transaction,
    IReadOnlyList<TransactionSignal> Signals,
    AmountView Refunded,
    string SuggestedCategory,
    IReadOnlyList<WalletTransactionView> Related);

internal static class WalletProjections
{
    public static WalletTransactionView ToView(this WalletTransaction t) => new(
        t.Reference,
        t.AccountId,
        t.Type,
        t.Status,
        t.Direction,
        AmountView.From(t.Amount),
        t.Counterparty,
        t.Description,
        t.CreatedAt,
        t.CompletedAt,
        t.FailureReason,
        t.OriginalReference,
        t.PromisedBy,
        t.Posted);

    public static WalletTransactionView ToView(this LedgerTransaction t) => new(
        t.Reference,
        t.AccountId,
        t.Type,
        t.Status,
        t.Direction,
        AmountView.From(t.Amount),
        t.Counterparty,
        t.Description,
        t.CreatedAt,
        t.CompletedAt,
        t.FailureReason,
        t.OriginalReference,
        t.PromisedBy,
        t.Posted);

    public static LedgerAccountView ToView(this LedgerAccount a) => new(a.AccountId, a.CustomerId, AmountView.From(a.Balance), a.Status);

    public static WalletAccountView ToView(this WalletAccount a) => new(
        a.Id,
        a.Currency,
        AmountView.From(a.Balance),
        a.Status,
        [.. a.FundingSources.OrderBy(s => s.LinkedAt).Select(s => new FundingSourceView(s.Kind.ToString(), s.Issuer, s.LastFour))]);
}
