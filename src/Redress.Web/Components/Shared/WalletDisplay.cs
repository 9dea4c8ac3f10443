using System.Globalization;
using Microsoft.Extensions.Localization;
using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;
using Redress.Wallet.Features;
using Redress.Web.Localization;

namespace Redress.Web.Components.Shared;

/// <summary>How the wallet pages show ledger facts: localized names, signed money with its currency, status colours.</summary>
internal static class WalletDisplay
{
    public static string TransactionType(this IStringLocalizer<UiText> text, LedgerTransactionType type) => text[$"TxType_{type}"];

    public static string TransactionStatus(this IStringLocalizer<UiText> text, LedgerTransactionStatus status) => text[$"TxStatus_{status}"];

    public static string AccountStatus(this IStringLocalizer<UiText> text, LedgerAccountStatus status) => text[$"AccountStatus_{status}"];

    public static string Signal(this IStringLocalizer<UiText> text, TransactionSignal signal) => text[$"Signal_{signal}"];

    public static string Money(AmountView amount) =>
        new Money(amount.MinorUnits, Currency.From(amount.Currency)).ToString(CultureInfo.CurrentCulture);

    /// <summary>"− CNY 25.50" or "+ CNY 100.00": which way the money went, always with the currency.</summary>
    public static string SignedMoney(WalletTransactionView transaction) =>
        (transaction.Direction == LedgerDirection.Credit ? "+ " : "− ") + Money(transaction.Amount);

    /// <summary>Red when failed, amber while pending, neutral when done or reversed.</summary>
    public static string StatusClass(LedgerTransactionStatus status) => status switch
    {
        LedgerTransactionStatus.Failed => "status status-failed",
        LedgerTransactionStatus.Pending => "status status-you",
        _ => "status status-open",
    };

    public static string AmountClass(WalletTransactionView transaction) =>
        transaction.Direction == LedgerDirection.Credit ? "num amount amount-credit" : "num amount";

    /// <summary>The filing form, started from this transaction: reference, amount, currency, time and a suggested category.</summary>
    public static string ComplaintLink(TransactionDetails details)
    {
        var t = details.Transaction;
        return "/complaints/new"
            + "?reference=" + Uri.EscapeDataString(t.Reference)
            + "&amount=" + Uri.EscapeDataString(t.Amount.Amount.ToString("F" + Currency.From(t.Amount.Currency).MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))
            + "&currency=" + Uri.EscapeDataString(t.Amount.Currency)
            + "&occurredAt=" + Uri.EscapeDataString(t.CreatedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))
            + "&category=" + Uri.EscapeDataString(details.SuggestedCategory);
    }
}
