using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Redress.SharedKernel.Security;

namespace Redress.Access;

/// <summary>Adds the claims every module reads (name, jurisdiction, language) to cookies and bearer tokens alike.</summary>
internal sealed class RedressClaimsFactory(
    UserManager<RedressUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<RedressUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(RedressUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(RedressClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(RedressClaims.Jurisdiction, user.Jurisdiction));
        identity.AddClaim(new Claim(RedressClaims.Culture, user.PreferredCulture));
        return identity;
    }
}
