using Microsoft.AspNetCore.Identity;
using Redress.SharedKernel.Security;

namespace Redress.Access.Data;

internal static class RoleSeed
{
    // Fixed ids and stamps keep the seed stable across migrations.
    public static IReadOnlyList<IdentityRole<Guid>> Roles { get; } =
    [
        Role("0195c0de-0000-7000-8000-000000000001", RedressRoles.Customer),
        Role("0195c0de-0000-7000-8000-000000000002", RedressRoles.Agent),
        Role("0195c0de-0000-7000-8000-000000000003", RedressRoles.Supervisor),
        Role("0195c0de-0000-7000-8000-000000000004", RedressRoles.ComplianceOfficer),
        Role("0195c0de-0000-7000-8000-000000000005", RedressRoles.Administrator),
    ];

    private static IdentityRole<Guid> Role(string id, string name) => new()
    {
        Id = Guid.Parse(id),
        Name = name,
        NormalizedName = name.ToUpperInvariant(),
        ConcurrencyStamp = id,
    };
}
