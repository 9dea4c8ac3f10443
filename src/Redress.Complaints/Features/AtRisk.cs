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

/// <summary>An open complaint the SLA monitor has warned about or seen breach its final deadline.</summary>
public sealed record AtRiskItem(ComplaintSummary Complaint, Guid? AssigneeId, int WarningsSent, DateTimeOffset? BreachedAt);

/// <summary>
/// The staff "at risk" list, soonest final deadline first. The cursor is the last row's id; its deadline is read
/// back so that the page continues after (deadline, id) on the (AtRisk, FinalDueAt, Id) index.
/// </summary>
public sealed class AtRiskHandler(ComplaintsDbContext db, IStringLocalizer<ComplaintMessages> text)
{
    public async Task<Result<Page<AtRiskItem>>> ListAsync(Actor staff, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (!staff.IsCaseWorker)
        {
            return Error.Forbidden("case_workers_only", text["action_not_allowed_for_role"]);
        }

        var paging = KeysetCursor.Parse(cursor, limit);
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (afterId, size) = paging.Value;
        var query = db.Complaints.AsNoTracking().Where(c => c.Sla.AtRisk);
        if (cursor is not null)
        {
            var afterDue = await db.Complaints.AsNoTracking().Where(c => c.Id == afterId).Select(c => c.Sla.FinalDueAt).SingleOrDefaultAsync(cancellationToken);
            query = query.Where(c => c.Sla.FinalDueAt > afterDue || (c.Sla.FinalDueAt == afterDue && c.Id > afterId));
        }

        var rows = await query.OrderBy(c => c.Sla.FinalDueAt).ThenBy(c => c.Id).Take(size + 1).ToListAsync(cancellationToken);
        var page = KeysetCursor.ToPage(rows, size, c => c.Id);
        return new Page<AtRiskItem>(
            [.. page.Items.Select(c => new AtRiskItem(ComplaintSummaries.ToSummary(c), c.AssigneeId, c.SlaWarningsSent, c.BreachedAt))], page.NextCursor);
    }
}

internal static class AtRiskEndpoint
{
    public static void MapAtRisk(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/staff/at-risk", HandleAsync)
            .WithTags("Staff")
            .RequireAuthorization(RedressPolicies.CaseWorker)
            .WithName("StaffAtRisk")
            .WithSummary("Open complaints warned about or past their final deadline, soonest deadline first")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Page<AtRiskItem>>, ProblemHttpResult>> HandleAsync(
        HttpContext context, AtRiskHandler handler, CancellationToken cancellationToken, string? cursor = null, int? limit = null)
    {
        var result = await handler.ListAsync(Actor.FromPrincipal(context.User)!, cursor, limit, cancellationToken);
        return result.ToHttp();
    }
}
