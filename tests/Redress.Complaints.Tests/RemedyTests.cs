using Redress.SharedKernel;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Tests;

public sealed class RemedyTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_remedy_needing_approval_goes_through_a_second_supervisor_before_it_is_requested_once()
    {
        var proposer = Actors.Staff(RedressRoles.Supervisor);
        var approver = Actors.Staff(RedressRoles.Supervisor);
        var remedy = Propose(proposer, requiresApproval: true);

        Assert.Equal("remedy_needs_approval", remedy.Request(proposer, s_now)?.Code);
        Assert.Equal("remedy_approval_needs_supervisor", remedy.Approve(Actors.Staff(RedressRoles.Agent), s_now)?.Code);
        Assert.Equal("remedy_approver_is_proposer", remedy.Approve(proposer, s_now)?.Code);
        Assert.Null(remedy.Approve(approver, s_now));
        Assert.Equal("remedy_not_awaiting_approval", remedy.Approve(approver, s_now)?.Code);

        Assert.Null(remedy.Request(proposer, s_now));
        Assert.Equal(RemedyStatus.Executing, remedy.Status);
        Assert.Equal("remedy_already_executed", remedy.Request(proposer, s_now)?.Code);
        remedy.Complete("TX2611250000000001", s_now);
        Assert.Equal((RemedyStatus.Executed, "TX2611250000000001"), (remedy.Status, remedy.LedgerReference));
    }

    [Fact]
    public void The_idempotency_key_is_derived_from_the_complaint_and_the_remedy_and_stays_the_same()
    {
        var first = Propose(Actors.Staff(RedressRoles.Agent), requiresApproval: false);
        var second = Propose(Actors.Staff(RedressRoles.Agent), requiresApproval: false);

        Assert.Equal(RemedyStatus.Approved, first.Status);
        Assert.Equal($"remedy:{first.ComplaintNumber}:{first.Id:N}", first.IdempotencyKey);
        Assert.NotEqual(first.IdempotencyKey, second.IdempotencyKey);
    }

    [Theory]
    [InlineData(ComplaintStage.Withdrawn, true, true)]
    [InlineData(ComplaintStage.Merged, false, true)]
    [InlineData(ComplaintStage.Resolved, true, true)]
    [InlineData(ComplaintStage.Resolved, false, false)]
    [InlineData(ComplaintStage.Investigating, true, false)]
    public void Remedies_stop_once_the_complaint_is_decided_or_gone(ComplaintStage stage, bool proposing, bool refused)
    {
        var customer = Actors.Customer();
        var staff = Actors.Staff(RedressRoles.Supervisor);
        var complaint = New(customer);
        switch (stage)
        {
            case ComplaintStage.Withdrawn:
                Assert.True(complaint.Withdraw(customer, s_now).IsSuccess);
                break;
            case ComplaintStage.Merged:
                Assert.True(complaint.MergeInto(New(customer), staff, s_now).IsSuccess);
                break;
            default:
                Assert.True(complaint.Triage(staff, ComplaintCategory.Refund, ComplaintPriority.Normal, s_now).IsSuccess);
                Assert.True(complaint.StartInvestigation(staff, s_now).IsSuccess);
                if (stage == ComplaintStage.Resolved)
                {
                    Assert.True(complaint.Resolve(staff, ComplaintOutcome.Upheld, ClosureCode.ClosedWithMonetaryRelief, "Refunded.", s_now).IsSuccess);
                }

                break;
        }

        Assert.Equal(refused, complaint.RemedyRefusal(proposing) is not null);
    }

    [Fact]
    public void Paying_a_remedy_shows_on_the_customers_timeline_but_proposing_it_does_not()
    {
        var staff = Actors.Staff(RedressRoles.Agent);
        var complaint = New(Actors.Customer());
        var remedy = Propose(staff, requiresApproval: false);

        var proposed = complaint.RecordRemedy(TimelineEventTypes.RemedyProposed, staff, remedy, s_now);
        remedy.Complete("TX2611250000000002", s_now);
        var executed = complaint.RecordRemedy(TimelineEventTypes.RemedyExecuted, staff, remedy, s_now);

        Assert.Equal(Visibility.Internal, proposed.Visibility);
        Assert.Equal(Visibility.Customer, executed.Visibility);
        Assert.Contains("TX2611250000000002", executed.Payload, StringComparison.Ordinal);
        Assert.Equal(proposed.Hash, executed.PreviousHash);
    }

    private static Remedy Propose(Actor proposer, bool requiresApproval) =>
        Remedy.Propose(New(Actors.Customer()), RemedyKind.Refund, new Money(20_000, Currency.Cny), null, "TX2611250000000000", null, "Charged twice", requiresApproval, proposer, s_now);

    private static Complaint New(Actor customer) =>
        Complaint.File(
            new ValidComplaint(ComplaintCategory.TransactionFailure, "Charged twice for one coffee.", "Refund one", s_now.AddDays(-1), "TX2611250000000000", new Money(20_000, Currency.Cny)),
            customer,
            ComplaintChannel.Web,
            ComplaintNumber.New(),
            s_now.AddDays(-1));
}
