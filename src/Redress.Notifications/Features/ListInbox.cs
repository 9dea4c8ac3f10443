using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Redress.Notifications.Data;
using Redress.SharedKernel;
using Redress.SharedKernel.Http;
using Redress.SharedKernel.Security;

namespace Redress.Notifications.Features;

public sealed record InboxItem(long Id, string ComplaintNumber, string EventType, string Title, string Body, DateTimeOffset CreatedAt, bool Read);

public sealed record UnreadCount(int Unread);

/// <summary>The signed-in user's in-app messages, newest first, and how many are unread. Nobody sees another's inbox.</summary>
public sealed class ListInboxHandler(NotificationsDbContext db)
{
    public async Task<Result<Page<InboxItem>>> HandleAsync(Guid userId, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var paging = KeysetCursor.Parse(cursor, limit);
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (after, size) = paging.Value;
        var rows = await db.Inbox.AsNoTracking()
            .Where(m => m.RecipientId == userId && m.Id < after)
            .OrderByDescending(m => m.Id)
            .Take(size + 1)
            .Select(m => new InboxItem(m.Id, m.ComplaintNumber, m.EventType, m.Title, m.Body, m.CreatedAt, m.ReadAt != null))
            .ToListAsync(cancellationToken);
        return KeysetCursor.ToPage(rows, size, item => item.Id);
    }

    public Task<int> CountUnreadAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Inbox.CountAsync(m => m.RecipientId == userId && m.ReadAt == null, cancellationToken);
}

internal static class ListInboxEndpoints
{
    public static void MapListInbox(this RouteGroupBuilder group)
    {
        group.MapGet("/", async Task<Results<Ok<Page<InboxItem>>, ProblemHttpResult>> (string? cursor, int? limit, HttpContext context, ListInboxHandler handler, CancellationToken cancellationToken) =>
            {
                var result = await handler.HandleAsync(Actor.FromPrincipal(context.User)!.UserId, cursor, limit, cancellationToken);
                return result.ToHttp();
            })
            .RequireAuthorization(RedressPolicies.SignedIn)
            .WithName("ListInbox")
            .WithSummary("My in-app messages, newest first, paged by cursor")
            .ProducesValidationProblem();
        group.MapGet("/unread", async (HttpContext context, ListInboxHandler handler, CancellationToken cancellationToken) =>
                TypedResults.Ok(new UnreadCount(await handler.CountUnreadAsync(Actor.FromPrincipal(context.User)!.UserId, cancellationToken))))
            .RequireAuthorization(RedressPolicies.SignedIn)
            .WithName("CountUnreadInbox")
            .WithSummary("How many of my in-app messages are unread");
    }
}
