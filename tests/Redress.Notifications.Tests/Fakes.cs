using System.Collections.Concurrent;
using Redress.SharedKernel.Outbox;
using Redress.SharedKernel.People;

namespace Redress.Notifications.Tests;

public sealed class FakeDirectory : IUserDirectory
{
    public ConcurrentDictionary<Guid, ContactDetails> People { get; } = new();

    public ContactDetails Add(string culture = "zh-CN", string? phone = "+8613800138000", string name = "王小明")
    {
        var id = Guid.NewGuid();
        var contact = new ContactDetails(id, name, $"person-{id:N}@example.com", phone, culture);
        People[id] = contact;
        return contact;
    }

    public Task<IReadOnlyDictionary<Guid, UserSummary>> FindAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, UserSummary>>(userIds.Where(People.ContainsKey).ToDictionary(id => id, id => new UserSummary(id, People[id].DisplayName, "***", "CN")));

    public Task<IReadOnlyDictionary<Guid, ContactDetails>> FindContactsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, ContactDetails>>(userIds.Where(People.ContainsKey).ToDictionary(id => id, id => People[id]));

    /// <summary>Members by role, for escalations; people are in no role unless a test puts them there.</summary>
    public ConcurrentDictionary<string, Guid[]> Roles { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<Guid>> InRoleAsync(string role, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Guid>>(Roles.TryGetValue(role, out var members) ? members : []);
}

public sealed class RecordingSink : IDeliveryStatusSink
{
    public ConcurrentQueue<DeliveryStatus> Statuses { get; } = new();

    public Task ReportAsync(IReadOnlyList<DeliveryStatus> statuses, CancellationToken cancellationToken)
    {
        foreach (var status in statuses)
        {
            Statuses.Enqueue(status);
        }

        return Task.CompletedTask;
    }
}
