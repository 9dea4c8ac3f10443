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

public sealed record MarkedRead(int Marked);

/// <summary>
/// Marks one of the user's own messages read. Someone else's message answers exactly like one that does not exist,
/// so ids cannot be probed. Marking a read message again changes nothing and succeeds.
/// </summary>
public sealed class MarkInboxReadHandler(NotificationsDbContext db, TimeProvider time)
{
    public async Task<Result<bool>> HandleAsync(Guid userId, long messageId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var found = await db.Inbox.AnyAsync(m => m.Id == messageId && m.RecipientId == userId, cancellationToken);
        if (!found)
        {
            return Error.NotFound("message_not_found", "There is no such message in your inbox.");
        }

        await db.Inbox.Where(m => m.Id == messageId && m.RecipientId == userId && m.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ReadAt, now), cancellationToken);
        return true;
    }

    /// <summary>Marks every unread message of the user read in one statement; returns how many changed.</summary>
    public Task<int> MarkAllAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.Inbox.Where(m => m.RecipientId == userId && m.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ReadAt, now), cancellationToken);
    }
}

internal static class MarkInboxReadEndpoint
{
    public static void MapMarkInboxRead(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:long}/read", async Task<Results<NoContent, ProblemHttpResult>> (long id, HttpContext context, MarkInboxReadHandler handler, CancellationToken cancellationToken) =>
            {
                var result = await handler.HandleAsync(Actor.FromPrincipal(context.User)!.UserId, id, cancellationToken);
                return result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();
            })
            .RequireAuthorization(RedressPolicies.SignedIn)
            .WithName("MarkInboxRead")
            .WithSummary("Mark one of my in-app messages read")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/read", async (HttpContext context, MarkInboxReadHandler handler, CancellationToken cancellationToken) =>
                TypedResults.Ok(new MarkedRead(await handler.MarkAllAsync(Actor.FromPrincipal(context.User)!.UserId, cancellationToken))))
            .RequireAuthorization(RedressPolicies.SignedIn)
            .WithName("MarkAllInboxRead")
            .WithSummary("Mark all of my in-app messages read");
    }
}
