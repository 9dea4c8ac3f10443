using Microsoft.AspNetCore.Identity;

namespace Redress.Access;

/// <summary>A person who signs in: a wallet customer or a member of staff.</summary>
public sealed class RedressUser : IdentityUser<Guid>
{
    public required string DisplayName { get; set; }

    /// <summary>Jurisdiction whose complaint rules apply to this customer: CN, GB, EU or US.</summary>
    public required string Jurisdiction { get; set; }

    /// <summary>Language for messages and letters: zh-CN or en.</summary>
    public required string PreferredCulture { get; set; }
}
