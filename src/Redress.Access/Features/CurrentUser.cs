using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Redress.SharedKernel.Security;

namespace Redress.Access.Features;

/// <summary>The signed-in user as the API reports it.</summary>
public sealed record CurrentUserResponse(Guid UserId, string DisplayName, IReadOnlyList<string> Roles, string Jurisdiction, string Culture);

internal static class CurrentUser
{
    public static void MapCurrentUser(this RouteGroupBuilder group) =>
        group.MapGet("/me", Handle)
            .RequireAuthorization(RedressPolicies.SignedIn)
            .WithName("GetCurrentUser")
            .WithSummary("Who the bearer of this token is");

    private static Results<Ok<CurrentUserResponse>, UnauthorizedHttpResult> Handle(ClaimsPrincipal principal)
    {
        var actor = Actor.FromPrincipal(principal);
        if (actor is null)
        {
            return TypedResults.Unauthorized();
        }

        return TypedResults.Ok(new CurrentUserResponse(
            actor.UserId,
            principal.FindFirstValue(RedressClaims.DisplayName) ?? string.Empty,
            [.. actor.Roles.Order(StringComparer.Ordinal)],
            actor.Jurisdiction,
            actor.Culture));
    }
}
