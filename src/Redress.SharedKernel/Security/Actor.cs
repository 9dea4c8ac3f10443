using System.Security.Claims;

namespace Redress.SharedKernel.Security;

/// <summary>Who is acting: the signed-in user as handlers see it, independent of HTTP.</summary>
public sealed record Actor(Guid UserId, IReadOnlySet<string> Roles, string Jurisdiction, string Culture)
{
    public bool IsCustomer => Roles.Contains(RedressRoles.Customer);

    public bool IsCaseWorker => RedressRoles.CaseWorkers.Any(Roles.Contains);

    /// <summary>The role recorded on a timeline entry: the most specific staff role, else customer.</summary>
    public string PrimaryRole => Roles.Contains(RedressRoles.Platform)
        ? RedressRoles.Platform
        : RedressRoles.All.Reverse().FirstOrDefault(Roles.Contains) ?? RedressRoles.Customer;

    /// <summary>Reads an actor from an authenticated principal; null when the principal has no user id.</summary>
    public static Actor? FromPrincipal(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!Guid.TryParse(id, out var userId))
        {
            return null;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(claim => claim.Value).ToHashSet(StringComparer.Ordinal);
        return new Actor(
            userId,
            roles,
            principal.FindFirstValue(RedressClaims.Jurisdiction) ?? "CN",
            principal.FindFirstValue(RedressClaims.Culture) ?? "zh-CN");
    }
}
