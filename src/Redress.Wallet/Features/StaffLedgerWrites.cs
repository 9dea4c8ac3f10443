using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Redress.SharedKernel;
using Redress.SharedKernel.Http;
using Redress.SharedKernel.Ledger;
using Redress.SharedKernel.Security;
using Redress.Wallet.Resources;

namespace Redress.Wallet.Features;

/// <summary>A money remedy as a supervisor asks for it over HTTP: a decimal amount in a currency, and a reason the customer sees.</summary>
public sealed record MoneyRemedyRequest(decimal? Amount, string? Currency, string? Reason);

public sealed record AccountActionRequest(string? Reason);

/// <summary>
/// Supervisors' HTTP route to the ledger interface: refund, compensate, reverse a fee, freeze and unfreeze, each
/// under the <c>Idempotency-Key</c> header. The complaint side will call <see cref="ILedger"/> in-process instead.
/// </summary>
internal static class StaffLedgerWrites
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static void MapStaffLedgerWrites(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/wallets")
            .WithTags("Wallet")
            .RequireAuthorization(policy => policy.RequireRole(RedressRoles.Supervisor))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/transactions/{reference}/refunds", RefundAsync).WithName("RefundTransaction").WithSummary("Refund a debit in full or in part");
        group.MapPost("/accounts/{accountId:guid}/compensation", CompensateAsync).WithName("CreditCompensation").WithSummary("Credit compensation to a wallet");
        group.MapPost("/transactions/{reference}/fee-reversal", ReverseFeeAsync).WithName("ReverseFee").WithSummary("Return a fee in full");
        group.MapPost("/accounts/{accountId:guid}/freeze", FreezeAsync).WithName("FreezeWallet").WithSummary("Stop money leaving a wallet");
        group.MapPost("/accounts/{accountId:guid}/unfreeze", UnfreezeAsync).WithName("UnfreezeWallet").WithSummary("Let money leave a wallet again");
    }

    private static async Task<Results<Ok<WalletTransactionView>, ProblemHttpResult>> RefundAsync(
        string reference, MoneyRemedyRequest request, [FromHeader(Name = IdempotencyKeyHeader)] string? key,
        ILedger ledger, IStringLocalizer<WalletMessages> text, CancellationToken cancellationToken)
    {
        var money = ToMoney(request, text);
        if (!money.IsSuccess)
        {
            return money.Error.ToProblem();
        }

        return Answer(await ledger.RefundAsync(new RefundRequest(key ?? string.Empty, reference, money.Value, request.Reason ?? string.Empty), cancellationToken));
    }

    private static async Task<Results<Ok<WalletTransactionView>, ProblemHttpResult>> CompensateAsync(
        Guid accountId, MoneyRemedyRequest request, [FromHeader(Name = IdempotencyKeyHeader)] string? key,
        ILedger ledger, IStringLocalizer<WalletMessages> text, CancellationToken cancellationToken)
    {
        var money = ToMoney(request, text);
        if (!money.IsSuccess)
        {
            return money.Error.ToProblem();
        }

        return Answer(await ledger.CreditCompensationAsync(new CompensationRequest(key ?? string.Empty, accountId, money.Value, request.Reason ?? string.Empty), cancellationToken));
    }

    private static async Task<Results<Ok<WalletTransactionView>, ProblemHttpResult>> ReverseFeeAsync(
        string reference, AccountActionRequest request, [FromHeader(Name = IdempotencyKeyHeader)] string? key, ILedger ledger, CancellationToken cancellationToken) =>
        Answer(await ledger.ReverseFeeAsync(new FeeReversalRequest(key ?? string.Empty, reference, request.Reason ?? string.Empty), cancellationToken));

    private static async Task<Results<Ok<LedgerAccountView>, ProblemHttpResult>> FreezeAsync(
        Guid accountId, AccountActionRequest request, [FromHeader(Name = IdempotencyKeyHeader)] string? key, ILedger ledger, CancellationToken cancellationToken) =>
        Answer(await ledger.FreezeAsync(new AccountStatusRequest(key ?? string.Empty, accountId, request.Reason ?? string.Empty), cancellationToken));

    private static async Task<Results<Ok<LedgerAccountView>, ProblemHttpResult>> UnfreezeAsync(
        Guid accountId, AccountActionRequest request, [FromHeader(Name = IdempotencyKeyHeader)] string? key, ILedger ledger, CancellationToken cancellationToken) =>
        Answer(await ledger.UnfreezeAsync(new AccountStatusRequest(key ?? string.Empty, accountId, request.Reason ?? string.Empty), cancellationToken));

    /// <summary>Reads the amount as the currency allows it: a known ISO 4217 code and no more decimals than it has.</summary>
    private static Result<Money> ToMoney(MoneyRemedyRequest request, IStringLocalizer<WalletMessages> text)
    {
        var errors = new ValidationErrors();
        if (!Currency.TryFind(request.Currency, out var currency))
        {
            errors.Add("currency", string.IsNullOrWhiteSpace(request.Currency) ? text["CurrencyRequired"] : text["CurrencyUnknown", request.Currency.Trim()]);
        }

        if (request.Amount is not { } amount)
        {
            errors.Add("amount", text["AmountRequired"]);
        }
        else if (currency is { } known && (amount > LedgerInput.MaxAmountMinor || !Money.TryFromDecimal(amount, known, out _)))
        {
            errors.Add("amount", text["AmountTooPrecise", known.Code, known.MinorUnits]);
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        Money.TryFromDecimal(request.Amount!.Value, currency!.Value, out var money);
        return money;
    }

    private static Results<Ok<WalletTransactionView>, ProblemHttpResult> Answer(Result<LedgerTransaction> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value.ToView()) : result.Error.ToProblem();

    private static Results<Ok<LedgerAccountView>, ProblemHttpResult> Answer(Result<LedgerAccount> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value.ToView()) : result.Error.ToProblem();
}
