using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Redress.Complaints.Data;
using Redress.Complaints.Resources;
using Redress.SharedKernel;
using Redress.SharedKernel.Http;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Features;

/// <summary>
/// Reads one complaint with its timeline. Anyone who may not see it gets the same not-found answer as for a
/// number that does not exist, so that numbers cannot be probed.
/// </summary>
public sealed class GetComplaintHandler(ComplaintsDbContext db, IStringLocalizer<ComplaintMessages> text)
{
    public async Task<Result<ComplaintDetails>> HandleAsync(Actor actor, string number, CancellationToken cancellationToken)
    {
        if (!ComplaintNumber.TryParse(number, out var parsed))
        {
            return Error.Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["number"] = [text["NumberInvalid"]] });
        }

        var complaint = await db.Complaints.AsNoTracking().SingleOrDefaultAsync(c => c.Number == parsed.Value.Value, cancellationToken);
        if (complaint is null || !complaint.IsVisibleTo(actor))
        {
            return Error.NotFound("complaint_not_found", text["ComplaintNotFound"]);
        }

        var timeline = await db.TimelineEvents.AsNoTracking()
            .Where(e => e.ComplaintId == complaint.Id)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        return complaint.ToDetails(timeline);
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
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
