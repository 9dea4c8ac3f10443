using Microsoft.EntityFrameworkCore;
using Redress.Access.Data;
using Redress.SharedKernel.People;

namespace Redress.Access.Features;

internal sealed class UserDirectory(AccessDbContext db) : IUserDirectory
{
    public async Task<IReadOnlyDictionary<Guid, UserSummary>> FindAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<Guid, UserSummary>();
        }

        var users = await db.Users.AsNoTracking()
            .Where(user => userIds.Contains(user.Id))
            .Select(user => new { user.Id, user.DisplayName, user.PhoneNumber, user.Jurisdiction })
            .ToListAsync(cancellationToken);
        return users.ToDictionary(
            user => user.Id,
            user => new UserSummary(user.Id, user.DisplayName, Phones.Mask(user.PhoneNumber), user.Jurisdiction));
    }

    public async Task<IReadOnlyList<Guid>> InRoleAsync(string role, CancellationToken cancellationToken)
    {
        var normalized = role.ToUpperInvariant();
        // Served by Identity's index on AspNetUserRoles.RoleId; a role holds a team, not the customer base.
        return await db.UserRoles.AsNoTracking()
            .Where(link => db.Roles.Any(r => r.Id == link.RoleId && r.NormalizedName == normalized))
            .OrderBy(link => link.UserId)
            .Select(link => link.UserId)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, ContactDetails>> FindContactsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<Guid, ContactDetails>();
        }

        var users = await db.Users.AsNoTracking()
            .Where(user => userIds.Contains(user.Id))
            .Select(user => new { user.Id, user.DisplayName, user.Email, user.PhoneNumber, user.PreferredCulture })
            .ToListAsync(cancellationToken);
        return users.ToDictionary(
            user => user.Id,
            user => new ContactDetails(
                user.Id,
                user.DisplayName,
                string.IsNullOrWhiteSpace(user.Email) ? null : user.Email,
                string.IsNullOrWhiteSpace(user.PhoneNumber) ? null : user.PhoneNumber,
                user.PreferredCulture));
    }
}
