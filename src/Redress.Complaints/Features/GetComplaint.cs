using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Redress.SharedKernel;
using Redress.SharedKernel.Http;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Features;

/// <summary>
/// Reads one complaint with its timeline. Anyone who may not see it gets the same not-found answer as for a
/// number that does not exist, so that numbers cannot be probed.
/// </summary>
public sealed class GetComplaintHandler(CaseWork work)
{
    public async Task<Result<ComplaintDetails>> HandleAsync(Actor actor, string number, CancellationToken cancellationToken)
    {
        var found = await work.FindAsync(actor, number, track: false, cancellationToken);
        return found.IsSuccess ? await work.ReadAsync(found.Value, actor, cancellationToken) : found.Error;
    }
}

internal static class GetComplaintEndpoint
{
    public static void MapGetComplaint(this RouteGroupBuilder group) =>
        group.MapGet("/{number}", HandleAsync)
            .RequireAuthorization(RedressPolicies.SignedIn)
            .WithName("GetComplaint")
            .WithSummary("A complaint with its timeline, for its owner or staff")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<ComplaintDetails>, ProblemHttpResult>> HandleAsync(
        string number, HttpContext context, GetComplaintHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(Actor.FromPrincipal(context.User)!, number, cancellationToken);
        return result.ToHttp();
    }
}
