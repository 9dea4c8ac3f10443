using Redress.SharedKernel;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Tests;

public sealed class ComplaintTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_filed_complaint_starts_received_with_the_operator_to_move_and_one_chained_timeline_entry()
    {
        var customer = Actors.Customer();
        var complaint = Complaint.File(Details(ComplaintCategory.TransactionFailure), customer, ComplaintChannel.Web, ComplaintNumber.New(), s_now);

        Assert.Equal(ComplaintStage.Received, complaint.Stage);
        Assert.Equal(WaitingOn.Operator, complaint.WaitingOn);
        Assert.Equal(customer.UserId, complaint.CustomerId);
        Assert.Equal(customer.Jurisdiction, complaint.Jurisdiction);
        var entry = Assert.Single(complaint.Timeline);
        Assert.Equal(TimelineEventTypes.Received, entry.Type);
        Assert.Equal(1, entry.Sequence);
        Assert.Equal(TimelineEvent.GenesisHash, entry.PreviousHash);
        Assert.Equal(entry.ComputeHash(complaint.Number), entry.Hash);
    }

    [Fact]
    public void Security_complaints_are_high_priority_from_the_start()
    {
        var complaint = Complaint.File(Details(ComplaintCategory.AccountSecurity), Actors.Customer(), ComplaintChannel.InApp, ComplaintNumber.New(), s_now);
        Assert.Equal(ComplaintPriority.High, complaint.Priority);
    }

    [Fact]
    public void The_timeline_hash_changes_when_any_recorded_fact_changes()
    {
        var number = ComplaintNumber.New().Value;
        var original = TimelineEvent.Create(number, 1, new MergedInto("A"), s_now, Guid.NewGuid(), RedressRoles.Customer, TimelineEvent.GenesisHash, Visibility.Customer);
        var otherPayload = TimelineEvent.Create(number, 1, new MergedInto("B"), s_now, original.ActorId, RedressRoles.Customer, TimelineEvent.GenesisHash, Visibility.Customer);
        var otherTime = TimelineEvent.Create(
            number, 1, new MergedInto("A"), s_now.AddTicks(TimeSpan.TicksPerMicrosecond), original.ActorId, RedressRoles.Customer, TimelineEvent.GenesisHash, Visibility.Customer);

        Assert.Equal(64, original.Hash.Length);
        Assert.NotEqual(original.Hash, otherPayload.Hash);
        Assert.NotEqual(original.Hash, otherTime.Hash);
        Assert.NotEqual(original.Hash, original.ComputeHash(ComplaintNumber.New().Value));
    }

    [Fact]
    public void An_entry_keeps_whole_microseconds_so_its_hash_still_holds_after_a_postgresql_round_trip()
    {
        var number = ComplaintNumber.New().Value;
        var entry = TimelineEvent.Create(number, 1, new ComplaintAccepted(), s_now.AddTicks(7), null, RedressRoles.Customer, TimelineEvent.GenesisHash, Visibility.Customer);

        Assert.Equal(0, entry.OccurredAt.UtcTicks % TimeSpan.TicksPerMicrosecond);
        Assert.Equal(s_now.AddTicks(7).UtcTicks / TimeSpan.TicksPerMicrosecond, entry.OccurredAt.UtcTicks / TimeSpan.TicksPerMicrosecond);
        Assert.Equal(entry.Hash, entry.ComputeHash(number));
    }

    [Fact]
    public void Only_the_owner_and_case_workers_may_see_a_complaint()
    {
        var owner = Actors.Customer();
        var complaint = Complaint.File(Details(ComplaintCategory.Fees), owner, ComplaintChannel.Web, ComplaintNumber.New(), s_now);

        Assert.True(complaint.IsVisibleTo(owner));
        Assert.False(complaint.IsVisibleTo(Actors.Customer()));
        Assert.True(complaint.IsVisibleTo(Actors.Staff(RedressRoles.Agent)));
        Assert.True(complaint.IsVisibleTo(Actors.Staff(RedressRoles.Supervisor)));
        Assert.True(complaint.IsVisibleTo(Actors.Staff(RedressRoles.ComplianceOfficer)));
        Assert.False(complaint.IsVisibleTo(Actors.Staff(RedressRoles.Administrator)));
    }

    private static ValidComplaint Details(ComplaintCategory category) =>
        new(category, "Money left my wallet but the transfer failed.", "Refund it", s_now.AddDays(-1), "TX1", new Money(50000, Currency.Cny));
}

internal static class Actors
{
    public static Actor Customer(string jurisdiction = "CN") =>
        new(Guid.CreateVersion7(), new HashSet<string>(StringComparer.Ordinal) { RedressRoles.Customer }, jurisdiction, "zh-CN");

    public static Actor Staff(string role) =>
        new(Guid.CreateVersion7(), new HashSet<string>(StringComparer.Ordinal) { role }, "CN", "zh-CN");
}
