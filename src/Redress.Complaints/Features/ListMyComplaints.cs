using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Redress.Complaints.Data;
using Redress.SharedKernel;
using Redress.SharedKernel.Http;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Features;

/// <summary>The signed-in customer's own complaints, newest first, keyset-paged.</summary>
public sealed class ListMyComplaintsHandler(ComplaintsDbContext db)
{
    public async Task<Result<Page<ComplaintSummary>>> HandleAsync(Actor customer, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var paging = KeysetCursor.Parse(cursor, limit);
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (after, size) = paging.Value;
        var rows = await db.Complaints.AsNoTracking()
            .Where(c => c.CustomerId == customer.UserId && c.Id < after)
            .OrderByDescending(c => c.Id)
            .Take(size + 1)
            .ToListAsync(cancellationToken);
        return ComplaintSummaries.ToPage(rows, size);
    }
}

internal static class ComplaintSummaries
{
    public static Page<ComplaintSummary> ToPage(IReadOnlyList<Complaint> rowsPlusOne, int size)
    {
        var page = KeysetCursor.ToPage(rowsPlusOne, size, c => c.Id);
        return new Page<ComplaintSummary>([.. page.Items.Select(ToSummary)], page.NextCursor);
    }

    public static ComplaintSummary ToSummary(Complaint c) => new(
        ComplaintNumber.FromStorage(c.Number).ToString(),
        c.CustomerId,
        c.Category,
        c.Channel,
        c.Stage,
        c.WaitingOn,
        c.Priority,
        c.Jurisdiction,
        c.FiledAt,
        c.UpdatedAt,
        c.TransactionReference,
        MoneyView.From(c.Amount))
    {
        FinalDueAt = c.FinalDueAt,
        AtRisk = c.AtRisk,
    };
}

internal static class ListMyComplaintsEndpoint
{
    public static void MapListMyComplaints(this RouteGroupBuilder group) =>
        group.MapGet("/mine", HandleAsync)
            .RequireAuthorization(RedressPolicies.Customer)
            .WithName("ListMyComplaints")
            .WithSummary("The signed-in customer's complaints, newest first")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Page<ComplaintSummary>>, ProblemHttpResult>> HandleAsync(
        HttpContext context, ListMyComplaintsHandler handler, CancellationToken cancellationToken, string? cursor = null, int? limit = null)
    {
        var result = await handler.HandleAsync(Actor.FromPrincipal(context.User)!, cursor, limit, cancellationToken);
        return result.ToHttp();
    }
}
