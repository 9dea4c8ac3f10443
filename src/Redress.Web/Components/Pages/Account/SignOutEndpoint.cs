using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Redress.Access;

namespace Redress.Web.Components.Pages.Account;

internal static class SignOutEndpoint
{
    /// <summary><c>POST /signout</c> from the top bar's form; a cross-site page must not be able to sign anyone out.</summary>
    public static void MapSignOut(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/signout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<RedressUser> signIn) =>
        {
            // Without a valid token the request may come from another site: go home, but leave the session alone.
            if (await antiforgery.IsRequestValidAsync(context))
            {
                await signIn.SignOutAsync();
            }

            return Results.LocalRedirect("/");
        }).ExcludeFromDescription();
}
