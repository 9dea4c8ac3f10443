using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Redress.SharedKernel;
using Redress.SharedKernel.Http;
using Redress.SharedKernel.Security;
using Redress.Wallet.Data;
using Redress.Wallet.Resources;

namespace Redress.Wallet.Features;

/// <summary>A customer's wallets with balances and masked funding sources: for the customer, or for a case worker.</summary>
public sealed class GetWalletHandler(WalletDbContext db, IStringLocalizer<WalletMessages> text)
{
    public async Task<Result<WalletOverview>> HandleAsync(Actor actor, Guid customerId, CancellationToken cancellationToken)
    {
        var mayRead = actor.IsCaseWorker || (actor.IsCustomer && actor.UserId == customerId);
        var accounts = mayRead
            ? await db.Accounts.AsNoTracking().Include(a => a.FundingSources)
                .Where(a => a.CustomerId == customerId)
                .OrderBy(a => a.OpenedAt)
                .ToListAsync(cancellationToken)
            : [];
        // A customer without a wallet sees an empty overview; staff asking about an unknown customer are told so.
        if (!mayRead || (accounts.Count == 0 && actor.UserId != customerId))
        {
            return Error.NotFound("wallet_not_found", text["CustomerNotFound"]);
        }

        return new WalletOverview(customerId, [.. accounts.Select(a => a.ToView())]);
    }
}

internal static class GetWalletEndpoints
{
    public static void MapGetWallet(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/wallet", MineAsync)
            .WithTags("Wallet")
            .RequireAuthorization(RedressPolicies.Customer)
            .WithName("GetMyWallet")
            .WithSummary("The signed-in customer's wallets and balances");
        endpoints.MapGet("/api/wallets/{customerId:guid}", AnyAsync)
            .WithTags("Wallet")
            .RequireAuthorization(RedressPolicies.CaseWorker)
            .WithName("GetCustomerWallet")
            .WithSummary("A customer's wallets and balances, for case workers")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<WalletOverview>, ProblemHttpResult>> MineAsync(HttpContext context, GetWalletHandler handler, CancellationToken cancellationToken)
    {
        var actor = Actor.FromPrincipal(context.User)!;
        var result = await handler.HandleAsync(actor, actor.UserId, cancellationToken);
        return result.ToHttp();
    }

    private static async Task<Results<Ok<WalletOverview>, ProblemHttpResult>> AnyAsync(Guid customerId, HttpContext context, GetWalletHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(Actor.FromPrincipal(context.User)!, customerId, cancellationToken);
        return result.ToHttp();
    }
}
