using Microsoft.AspNetCore.Antiforgery;
using Redress.Notifications.Features;
using Redress.SharedKernel.Security;
using Redress.Web.Components.Shared;

namespace Redress.Web.Components.Pages.Inbox;

/// <summary>
/// The inbox page's form posts: mark one message or all of them read, then return to the page (post/redirect/get).
/// They call the same handler as <c>/api/inbox</c>, so someone else's message stays untouched exactly as there.
/// </summary>
internal static class InboxEndpoints
{
    public static void MapInboxForms(this IEndpointRouteBuilder endpoints)
    {
        var forms = endpoints.MapGroup("/inbox").RequireAuthorization(RedressPolicies.SignedIn).ExcludeFromDescription();
        forms.MapPost("/{id:long}/read", async (long id, HttpContext context, IAntiforgery antiforgery, MarkInboxReadHandler handler) =>
        {
            // Without a valid token the post may come from another site: go back and change nothing.
            if (await antiforgery.IsRequestValidAsync(context))
            {
                // Another's or a missing message answers "not found"; the page simply shows the inbox again.
                await handler.HandleAsync(Actor.FromPrincipal(context.User)!.UserId, id, context.RequestAborted);
            }

            return Results.LocalRedirect(await ReturnUrlAsync(context));
        });
        forms.MapPost("/read", async (HttpContext context, IAntiforgery antiforgery, MarkInboxReadHandler handler) =>
        {
            if (await antiforgery.IsRequestValidAsync(context))
            {
                await handler.MarkAllAsync(Actor.FromPrincipal(context.User)!.UserId, context.RequestAborted);
            }

            return Results.LocalRedirect(await ReturnUrlAsync(context));
        });
    }

    // Only back to the inbox itself: a crafted form must not turn this into a redirect to anywhere.
    private static async Task<string> ReturnUrlAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var returnUrl = form?["returnUrl"].ToString();
        return Display.IsLocalUrl(returnUrl) && (returnUrl == "/inbox" || returnUrl!.StartsWith("/inbox?", StringComparison.Ordinal)) ? returnUrl : "/inbox";
    }
}
