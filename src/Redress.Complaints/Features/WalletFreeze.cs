using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Features;

/// <summary>
/// Freezes or unfreezes the complainant's wallets through <see cref="ILedger"/> and puts every wallet's outcome on
/// the timeline. Used when an account-security complaint is filed with <c>freezeWallet</c>, and by staff from the case.
/// </summary>
public sealed class WalletFreezeHandler(CaseWork work, ILedger ledger)
{
    public Task<Result<ComplaintDetails>> FreezeAsync(Actor actor, string number, CancellationToken cancellationToken) =>
        ChangeAsync(actor, number, freeze: true, cancellationToken);

    public Task<Result<ComplaintDetails>> UnfreezeAsync(Actor actor, string number, CancellationToken cancellationToken) =>
        ChangeAsync(actor, number, freeze: false, cancellationToken);

    internal async Task<Result<ComplaintDetails>> ChangeAsync(Actor actor, string number, bool freeze, CancellationToken cancellationToken)
    {
        var loaded = await work.LoadForChangeAsync(actor, number, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var complaint = loaded.Value;
        if (complaint.RemedyRefusal(proposing: false) is { } gone)
        {
            work.Db.ChangeTracker.Clear();
            return work.Localize(gone);
        }

        // The version at load names this attempt: a double click sends the same key (one freeze, one entry wins),
        // a later freeze after an unfreeze sends a new one.
        var attempt = complaint.Version;
        var operation = freeze ? "freeze" : "unfreeze";
        foreach (var account in await ledger.AccountsOfAsync(complaint.CustomerId, cancellationToken))
        {
            var request = new AccountStatusRequest($"{operation}:{complaint.Number}:{account.AccountId:N}:{attempt}", account.AccountId, $"Complaint {complaint.Number}");
            var result = freeze ? await ledger.FreezeAsync(request, cancellationToken) : await ledger.UnfreezeAsync(request, cancellationToken);
            complaint.RecordWalletStatus(
                actor, freeze, account.AccountId, result.IsSuccess ? result.Value.Status.ToString() : result.Error.Code, work.Now);
        }

        if (await work.SaveAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        return await work.ReadAsync(complaint, actor, cancellationToken);
    }
}

internal static class WalletFreezeEndpoints
{
    public static void MapWalletFreeze(this RouteGroupBuilder group)
    {
        var staff = group.MapGroup("/{number}/wallet").RequireAuthorization(RedressPolicies.CaseWorker);
        staff.MapPost("/freeze", (string number, HttpContext http, WalletFreezeHandler h, CancellationToken ct) =>
            CaseLifecycleEndpoints.Answer(h.FreezeAsync(CaseLifecycleEndpoints.ActorOf(http), number, ct))).WithName("FreezeComplainantWallet").WithSummary("Freeze the complainant's wallets: debits stop, credits still arrive");
        staff.MapPost("/unfreeze", (string number, HttpContext http, WalletFreezeHandler h, CancellationToken ct) =>
            CaseLifecycleEndpoints.Answer(h.UnfreezeAsync(CaseLifecycleEndpoints.ActorOf(http), number, ct))).WithName("UnfreezeComplainantWallet").WithSummary("Unfreeze the complainant's wallets");
    }
}
