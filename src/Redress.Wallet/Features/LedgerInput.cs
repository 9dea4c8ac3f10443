using Microsoft.Extensions.Localization;
using Redress.SharedKernel;
using Redress.SharedKernel.Validation;
using Redress.Wallet.Data;
using Redress.Wallet.Resources;

namespace Redress.Wallet.Features;

/// <summary>Checks shared by ledger writes; each adds a localized message under the request's field name.</summary>
internal static class LedgerInput
{
    public const int ReasonMaxLength = WalletTransactionConfiguration.DescriptionMaxLength;

    /// <summary>A single movement above this is a typing error, not a wallet payment (10 billion in major units).</summary>
    public const long MaxAmountMinor = 1_000_000_000_000;

    public static void CheckKey(this ValidationErrors errors, IStringLocalizer<WalletMessages> text, string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            errors.Add("idempotencyKey", text["IdempotencyKeyRequired"]);
        }
        else if (key.Length > IdempotencyRecordConfiguration.KeyMaxLength || key.Any(c => c is < '!' or > '~'))
        {
            errors.Add("idempotencyKey", text["IdempotencyKeyInvalid", IdempotencyRecordConfiguration.KeyMaxLength]);
        }
    }

    public static string? CheckReason(this ValidationErrors errors, IStringLocalizer<WalletMessages> text, string? reason)
    {
        switch (FreeText.Check(reason, ReasonMaxLength, multiline: false, out var trimmed))
        {
            case TextProblem.None:
                return trimmed;
            case TextProblem.Missing:
                errors.Add("reason", text["ReasonRequired"]);
                return null;
            default:
                // One message covers both: the reason is one line within the limit.
                errors.Add("reason", text["ReasonInvalid", ReasonMaxLength]);
                return null;
        }
    }

    public static void CheckAmount(this ValidationErrors errors, IStringLocalizer<WalletMessages> text, Money amount)
    {
        if (amount.Currency.Code is null)
        {
            errors.Add("amount", text["CurrencyRequired"]);
        }
        else if (amount.MinorUnits <= 0)
        {
            errors.Add("amount", text["AmountNotPositive"]);
        }
        else if (amount.MinorUnits > MaxAmountMinor)
        {
            errors.Add("amount", text["AmountTooLarge"]);
        }
    }

    /// <summary>References are read out and typed, so case and surrounding spaces do not matter.</summary>
    public static string? CheckReference(this ValidationErrors errors, IStringLocalizer<WalletMessages> text, string field, string? reference)
    {
        var normalised = reference?.Trim().ToUpperInvariant();
        if (!TransactionReference.IsWellFormed(normalised))
        {
            errors.Add(field, text["ReferenceInvalid"]);
            return null;
        }

        return normalised;
    }
}
