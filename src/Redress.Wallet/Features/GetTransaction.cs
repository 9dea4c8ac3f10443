using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Redress.SharedKernel;
using Redress.SharedKernel.Http;
using Redress.SharedKernel.Ledger;
using Redress.SharedKernel.Security;
using Redress.Wallet.Data;
using Redress.Wallet.Resources;

namespace Redress.Wallet.Features;

/// <summary>
/// One transaction with what a complaint about it needs. Visible to the wallet's owner and to case workers; anyone
/// else gets the same not-found answer as for a reference that does not exist, so references cannot be probed.
/// </summary>
public sealed class GetTransactionHandler(WalletDbContext db, TimeProvider time, IStringLocalizer<WalletMessages> text)
{
    /// <summary>Two equal charges to one payee this close together are more likely one charge taken twice than two purchases.</summary>
    internal static readonly TimeSpan DuplicateWindow = TimeSpan.FromMinutes(10);

    public async Task<Result<TransactionDetails>> HandleAsync(Actor actor, string reference, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var normalised = errors.CheckReference(text, "reference", reference);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var transaction = await db.Transactions.AsNoTracking().SingleOrDefaultAsync(t => t.Reference == normalised, cancellationToken);
        var owner = transaction is null
            ? null
            : await db.Accounts.AsNoTracking().Where(a => a.Id == transaction.AccountId).Select(a => a.CustomerId).SingleAsync(cancellationToken);
        if (transaction is null || !(actor.IsCaseWorker || (actor.IsCustomer && owner == actor.UserId)))
        {
            return Error.NotFound("transaction_not_found", text["TransactionNotFound"]);
        }

        var related = await db.Transactions.AsNoTracking()
            .Where(t => t.OriginalTransactionId == transaction.Id || (transaction.OriginalTransactionId != null && t.Id == transaction.OriginalTransactionId))
            .OrderBy(t => t.CreatedAt)
            .ToListAsync(cancellationToken);
        var refunded = related
            .Where(t => t.OriginalTransactionId == transaction.Id && t.Type == LedgerTransactionType.Refund && t.Status == LedgerTransactionStatus.Completed)
            .Sum(t => t.AmountMinor);
        var signals = await SignalsAsync(transaction, related, refunded, cancellationToken);
        return new TransactionDetails(
            transaction.ToView(),
            signals,
            AmountView.From(new Money(refunded, transaction.Amount.Currency)),
            SuggestCategory(transaction, signals),
            [.. related.Select(t => t.ToView())]);
    }

    private async Task<List<TransactionSignal>> SignalsAsync(WalletTransaction t, List<WalletTransaction> related, long refunded, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var signals = new List<TransactionSignal>();
        if (t.Status == LedgerTransactionStatus.Failed && t.Posted && t.Direction == LedgerDirection.Debit && refunded < t.AmountMinor)
        {
            signals.Add(TransactionSignal.FailedAfterDebit);
        }

        if (related.Append(t).Any(r => r.Type == LedgerTransactionType.Refund && r.Status == LedgerTransactionStatus.Pending && r.PromisedBy < now))
        {
            signals.Add(TransactionSignal.RefundOverdue);
        }

        if (t.Direction == LedgerDirection.Debit && t.Status == LedgerTransactionStatus.Completed && t.Counterparty is not null)
        {
            var sameCounterparty = db.Transactions.AsNoTracking()
                .Where(o => o.AccountId == t.AccountId && o.Id != t.Id && o.Counterparty == t.Counterparty);
            var (from, to) = (t.CreatedAt - DuplicateWindow, t.CreatedAt + DuplicateWindow);
            if (await sameCounterparty.AnyAsync(
                o => o.CreatedAt >= from && o.CreatedAt <= to && o.Type == t.Type && o.AmountMinor == t.AmountMinor && o.Status == LedgerTransactionStatus.Completed,
                cancellationToken))
            {
                signals.Add(TransactionSignal.PossibleDuplicate);
            }
            else if (t.Type is LedgerTransactionType.Payment or LedgerTransactionType.BillPayment && !await sameCounterparty.AnyAsync(cancellationToken))
            {
                signals.Add(TransactionSignal.FirstTimeCounterparty);
            }
        }

        return signals;
    }

    /// <summary>The complaint category a customer most likely means; they can change it on the form.</summary>
    internal static string SuggestCategory(WalletTransaction t, IReadOnlyList<TransactionSignal> signals) =>
        signals.Contains(TransactionSignal.RefundOverdue) || t.Type == LedgerTransactionType.Refund ? "Refund"
        : t.Type is LedgerTransactionType.Fee or LedgerTransactionType.FeeReversal ? "Fees"
        : signals.Contains(TransactionSignal.FailedAfterDebit) || signals.Contains(TransactionSignal.PossibleDuplicate) || t.Status == LedgerTransactionStatus.Failed ? "TransactionFailure"
        : signals.Contains(TransactionSignal.FirstTimeCounterparty) ? "AccountSecurity"
        : t.Type == LedgerTransactionType.Compensation ? "Other"
        : "TransactionFailure";
}

internal static class GetTransactionEndpoint
{
    public static void MapGetTransaction(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/wallet/transactions/{reference}", HandleAsync)
            .WithTags("Wallet")
            .RequireAuthorization(RedressPolicies.SignedIn)
            .WithName("GetTransaction")
            .WithSummary("A transaction with related refunds, signals and a suggested complaint category, for its owner or staff")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<TransactionDetails>, ProblemHttpResult>> HandleAsync(
        string reference, HttpContext context, GetTransactionHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(Actor.FromPrincipal(context.User)!, reference, cancellationToken);
        return result.ToHttp();
    }
}
