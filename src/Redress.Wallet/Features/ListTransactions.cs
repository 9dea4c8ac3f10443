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

/// <summary>Filters for a wallet history; strings so that a wrong value is named in the answer rather than failing binding.</summary>
public sealed record TransactionListRequest(
    string? Type = null,
    string? Status = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Cursor = null,
    int? Limit = null);

/// <summary>A customer's transactions across their wallets, newest first, filtered and keyset-paged.</summary>
public sealed class ListTransactionsHandler(WalletDbContext db, IStringLocalizer<WalletMessages> text)
{
    private readonly TransactionQueries _queries = new(db, text);

    public async Task<Result<Page<WalletTransactionView>>> HandleAsync(Actor actor, Guid customerId, TransactionListRequest request, CancellationToken cancellationToken)
    {
        if (!actor.IsCaseWorker && !(actor.IsCustomer && actor.UserId == customerId))
        {
            return Error.NotFound("wallet_not_found", text["CustomerNotFound"]);
        }

        var errors = new ValidationErrors();
        var type = Parse<LedgerTransactionType>(errors, "type", request.Type, "TypeUnknown");
        var status = Parse<LedgerTransactionStatus>(errors, "status", request.Status, "StatusUnknown");
        if (errors.Any)
        {
            return errors.ToError();
        }

        var accountIds = await db.Accounts.AsNoTracking().Where(a => a.CustomerId == customerId).Select(a => a.Id).ToListAsync(cancellationToken);
        if (accountIds.Count == 0)
        {
            // Still validate paging input, so a bad cursor is reported the same with or without a wallet.
            var empty = await _queries.PageAsync([Guid.Empty], new TransactionFilter(request.From, request.To, type, status), request.Cursor, request.Limit, cancellationToken);
            return empty.IsSuccess ? new Page<WalletTransactionView>([], null) : empty.Error;
        }

        var page = await _queries.PageAsync(accountIds, new TransactionFilter(request.From, request.To, type, status), request.Cursor, request.Limit, cancellationToken);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        return new Page<WalletTransactionView>([.. page.Value.Items.Select(t => t.ToView())], page.Value.NextCursor);
    }

    private TEnum? Parse<TEnum>(ValidationErrors errors, string field, string? value, string messageKey)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        errors.Add(field, text[messageKey, string.Join(", ", Enum.GetNames<TEnum>())]);
        return null;
    }
}

internal static class ListTransactionsEndpoints
{
    public static void MapListTransactions(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/wallet/transactions", MineAsync)
            .WithTags("Wallet")
            .RequireAuthorization(RedressPolicies.Customer)
            .WithName("ListMyTransactions")
            .WithSummary("The signed-in customer's transactions, newest first, with filters")
            .ProducesValidationProblem();
        endpoints.MapGet("/api/wallets/{customerId:guid}/transactions", AnyAsync)
            .WithTags("Wallet")
            .RequireAuthorization(RedressPolicies.CaseWorker)
            .WithName("ListCustomerTransactions")
            .WithSummary("A customer's transactions, for case workers")
            .ProducesValidationProblem();
    }

    private static async Task<Results<Ok<Page<WalletTransactionView>>, ProblemHttpResult>> MineAsync(
        HttpContext context, ListTransactionsHandler handler, CancellationToken cancellationToken,
        string? type = null, string? status = null, DateTimeOffset? from = null, DateTimeOffset? to = null, string? cursor = null, int? limit = null)
    {
        var actor = Actor.FromPrincipal(context.User)!;
        var result = await handler.HandleAsync(actor, actor.UserId, new TransactionListRequest(type, status, from, to, cursor, limit), cancellationToken);
        return result.ToHttp();
    }

    private static async Task<Results<Ok<Page<WalletTransactionView>>, ProblemHttpResult>> AnyAsync(
        Guid customerId, HttpContext context, ListTransactionsHandler handler, CancellationToken cancellationToken,
        string? type = null, string? status = null, DateTimeOffset? from = null, DateTimeOffset? to = null, string? cursor = null, int? limit = null)
    {
        var result = await handler.HandleAsync(Actor.FromPrincipal(context.User)!, customerId, new TransactionListRequest(type, status, from, to, cursor, limit), cancellationToken);
        return result.ToHttp();
    }
}
