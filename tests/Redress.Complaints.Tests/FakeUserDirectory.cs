using Redress.SharedKernel.People;

namespace Redress.Complaints.Tests;

/// <summary>Everyone is found, named after a fixed display name.</summary>
public sealed class FakeUserDirectory : IUserDirectory
{
    public string DisplayName { get; set; } = "王小明";

    public Task<IReadOnlyDictionary<Guid, UserSummary>> FindAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, UserSummary>>(userIds.ToDictionary(id => id, id => new UserSummary(id, DisplayName, "+86 *** 0000", "CN")));

    public Task<IReadOnlyDictionary<Guid, ContactDetails>> FindContactsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, ContactDetails>>(userIds.ToDictionary(id => id, id => new ContactDetails(id, DisplayName, null, null, "zh-CN")));

    public Task<IReadOnlyList<Guid>> InRoleAsync(string role, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Guid>>([]);
}
