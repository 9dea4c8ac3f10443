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
}
