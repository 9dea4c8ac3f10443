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

/// <summary>Staff filters over all complaints.</summary>
public sealed record ComplaintFilter(string? Stage, string? Category, string? Cursor, int? Limit);

/// <summary>All complaints for case workers, newest first, filtered by status and category, keyset-paged.</summary>
public sealed class ListComplaintsHandler(ComplaintsDbContext db, IStringLocalizer<ComplaintMessages> text)
{
    public async Task<Result<Page<ComplaintSummary>>> HandleAsync(Actor staff, ComplaintFilter filter, CancellationToken cancellationToken)
    {
        if (!staff.IsCaseWorker)
        {
            return Error.Forbidden("case_workers_only", "Only case workers may list all complaints.");
        }

        var errors = new ValidationErrors();
        ComplaintStage? stage = null;
        if (!string.IsNullOrWhiteSpace(filter.Stage))
        {
            if (Enum.TryParse<ComplaintStage>(filter.Stage.Trim(), ignoreCase: true, out var parsedStage) && Enum.IsDefined(parsedStage) && !int.TryParse(filter.Stage, out _))
            {
                stage = parsedStage;
            }
            else
            {
                errors.Add("stage", text["StageUnknown", string.Join(", ", Enum.GetNames<ComplaintStage>())]);
            }
        }

        ComplaintCategory? category = null;
        if (!string.IsNullOrWhiteSpace(filter.Category))
        {
            if (FileComplaintHandler.TryParseCategory(filter.Category, out var parsedCategory))
            {
                category = parsedCategory;
            }
            else
            {
                errors.Add("category", text["CategoryUnknown", string.Join(", ", Enum.GetNames<ComplaintCategory>())]);
            }
        }

        var (after, size) = KeysetCursor.Parse(filter.Cursor, filter.Limit, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var query = db.Complaints.AsNoTracking().Where(c => c.Id < after);
        if (stage is { } s)
        {
            query = query.Where(c => c.Stage == s);
        }

        if (category is { } k)
        {
            query = query.Where(c => c.Category == k);
        }

        var rows = await query.OrderByDescending(c => c.Id).Take(size + 1).ToListAsync(cancellationToken);
        return ComplaintSummaries.ToPage(rows, size);
    }
}

internal static class ListComplaintsEndpoint
{
    public static void MapListComplaints(this RouteGroupBuilder group) =>
        group.MapGet("/", HandleAsync)
            .RequireAuthorization(RedressPolicies.CaseWorker)
            .WithName("ListComplaints")
            .WithSummary("All complaints for staff, filtered by stage and category, newest first")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Page<ComplaintSummary>>, ProblemHttpResult>> HandleAsync(
        HttpContext context,
        ListComplaintsHandler handler,
        CancellationToken cancellationToken,
        string? stage = null,
        string? category = null,
        string? cursor = null,
        int? limit = null)
    {
        var result = await handler.HandleAsync(Actor.FromPrincipal(context.User)!, new ComplaintFilter(stage, category, cursor, limit), cancellationToken);
        return result.ToHttp();
    }
}
