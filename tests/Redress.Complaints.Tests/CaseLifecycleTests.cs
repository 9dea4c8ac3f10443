using Redress.Complaints.Features;
using Redress.SharedKernel;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Tests;

public sealed class CaseLifecycleTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);
    private static readonly CaseHandlingOptions s_options = new();

    [Fact]
    public void A_complaint_goes_from_receipt_through_appeal_to_a_final_decision_on_one_unbroken_chain()
    {
        var customer = Actors.Customer();
        var agent = Actors.Staff(RedressRoles.Agent);
        var reviewer = Actors.Staff(RedressRoles.Supervisor);
        var complaint = New(customer);

        Assert.True(complaint.Acknowledge(agent, s_now).IsSuccess);
        Assert.True(complaint.Triage(agent, ComplaintCategory.Refund, ComplaintPriority.High, s_now).IsSuccess);
        Assert.True(complaint.Assign(agent, agent.UserId, automatic: false, s_now).IsSuccess);
        Assert.True(complaint.StartInvestigation(agent, s_now).IsSuccess);
        Assert.True(complaint.RequestInformation(agent, "Please send a screenshot of the transfer.", s_now).IsSuccess);
        Assert.Equal(WaitingOn.Customer, complaint.WaitingOn);
        Assert.True(complaint.SendMessage(customer, "Here it is.", [], s_now.AddHours(1)).IsSuccess);
        Assert.Equal(WaitingOn.Operator, complaint.WaitingOn);
        Assert.True(complaint.Resolve(agent, ComplaintOutcome.NotUpheld, ClosureCode.ClosedWithExplanation, "The transfer succeeded.", s_now.AddDays(1)).IsSuccess);
        Assert.Equal((ComplaintStage.Resolved, WaitingOn.Customer), (complaint.Stage, complaint.WaitingOn));
        Assert.True(complaint.Appeal(customer, "The receiver never got the money.", s_now.AddDays(2), s_options).IsSuccess);
        Assert.True(complaint.StartReview(reviewer, s_now.AddDays(3)).IsSuccess);
        Assert.True(complaint.DecideAppeal(reviewer, ComplaintOutcome.Upheld, ClosureCode.ClosedWithMonetaryRelief, "Refund granted.", s_now.AddDays(4)).IsSuccess);

        Assert.Equal(ComplaintStage.Closed, complaint.Stage);
        Assert.Equal(ComplaintOutcome.Upheld, complaint.Outcome);
        Assert.Equal(ClosureCode.ClosedWithMonetaryRelief, complaint.ClosureCode);
        Assert.Equal(Enumerable.Range(1, 11), complaint.Timeline.Select(e => e.Sequence));
        Assert.Null(TimelineVerifier.FirstBreak(complaint.Number, complaint.Timeline));
        Assert.Equal(
            [TimelineEventTypes.InformationRequested, TimelineEventTypes.InformationProvided],
            complaint.Timeline.Skip(5).Take(2).Select(e => e.Type));
    }

    [Fact]
    public void A_refused_transition_changes_nothing_and_appends_nothing()
    {
        var complaint = New(Actors.Customer());
        var agent = Actors.Staff(RedressRoles.Agent);
        Assert.True(complaint.Acknowledge(agent, s_now).IsSuccess);
        var (stage, version, entries) = (complaint.Stage, complaint.Version, complaint.Timeline.Count);

        var again = complaint.Acknowledge(agent, s_now);
        var early = complaint.Resolve(agent, ComplaintOutcome.Upheld, ClosureCode.ClosedWithExplanation, "x", s_now);

        Assert.Equal(("action_not_allowed_at_stage", ErrorKind.Conflict), (again.Error!.Code, again.Error.Kind));
        Assert.Equal(ErrorKind.Conflict, early.Error!.Kind);
        Assert.Equal((stage, version, entries), (complaint.Stage, complaint.Version, complaint.Timeline.Count));
    }

    [Fact]
    public void Customers_cannot_take_staff_actions_and_staff_cannot_take_the_customers()
    {
        var customer = Actors.Customer();
        var complaint = New(customer);

        Assert.Equal(ErrorKind.Forbidden, complaint.Acknowledge(customer, s_now).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, complaint.AddNote(customer, "note", s_now).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, complaint.Nudge(Actors.Staff(RedressRoles.Agent), s_now, s_options).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, complaint.Withdraw(Actors.Customer(), s_now).Error!.Kind);
    }

    [Fact]
    public void A_nudge_raises_priority_once_per_day()
    {
        var customer = Actors.Customer();
        var complaint = New(customer);

        Assert.True(complaint.Nudge(customer, s_now, s_options).IsSuccess);
        Assert.Equal(ComplaintPriority.High, complaint.Priority);
        var tooSoon = complaint.Nudge(customer, s_now.AddHours(23).AddMinutes(59), s_options);
        Assert.Equal("nudge_too_soon", tooSoon.Error!.Code);
        Assert.Equal(ComplaintPriority.High, complaint.Priority);
        Assert.True(complaint.Nudge(customer, s_now.AddHours(24), s_options).IsSuccess);
        Assert.Equal(ComplaintPriority.Urgent, complaint.Priority);
        Assert.Equal(TimelineEventTypes.Nudged, complaint.Timeline[^1].Type);
        Assert.Equal(Visibility.Customer, complaint.Timeline[^1].Visibility);
    }

    [Fact]
    public void An_appeal_is_allowed_once_and_only_within_the_window()
    {
        var customer = Actors.Customer();
        var late = Resolved(customer, out _);
        Assert.Equal("appeal_window_closed", late.Appeal(customer, "too late", s_now.AddDays(30).AddMinutes(1), s_options).Error!.Code);

        var complaint = Resolved(customer, out _);
        var supervisor = Actors.Staff(RedressRoles.Supervisor);
        Assert.True(complaint.Appeal(customer, "reasons", s_now.AddDays(30), s_options).IsSuccess);
        Assert.True(complaint.StartReview(supervisor, s_now.AddDays(31)).IsSuccess);
        Assert.True(complaint.DecideAppeal(supervisor, ComplaintOutcome.NotUpheld, ClosureCode.ClosedWithExplanation, "no", s_now.AddDays(32)).IsSuccess);
        Assert.Equal(ErrorKind.Conflict, complaint.Appeal(customer, "again", s_now.AddDays(32), s_options).Error!.Kind);
    }

    [Fact]
    public void An_appeal_is_reviewed_and_decided_only_by_a_supervisor_who_did_not_handle_it()
    {
        var customer = Actors.Customer();
        var complaint = Resolved(customer, out var handler);
        Assert.True(complaint.Appeal(customer, "reasons", s_now.AddDays(1), s_options).IsSuccess);

        Assert.Equal(ErrorKind.Forbidden, complaint.StartReview(Actors.Staff(RedressRoles.Agent), s_now).Error!.Kind);
        Assert.Equal("reviewer_handled_complaint", complaint.StartReview(handler, s_now).Error!.Code);
        var reviewer = Actors.Staff(RedressRoles.Supervisor);
        Assert.True(complaint.StartReview(reviewer, s_now).IsSuccess);
        Assert.Equal("not_the_reviewer", complaint.DecideAppeal(Actors.Staff(RedressRoles.Supervisor), ComplaintOutcome.Upheld, ClosureCode.ClosedWithExplanation, "x", s_now).Error!.Code);
        Assert.Equal(ComplaintStage.Reviewing, complaint.Stage);
    }

    [Fact]
    public void Agents_take_unassigned_complaints_and_only_supervisors_move_owned_ones()
    {
        var complaint = New(Actors.Customer());
        var agent = Actors.Staff(RedressRoles.Agent);
        var colleague = Actors.Staff(RedressRoles.Agent);

        Assert.Equal("assign_self_only", complaint.Assign(agent, colleague.UserId, automatic: false, s_now).Error!.Code);
        Assert.True(complaint.Assign(agent, agent.UserId, automatic: false, s_now).IsSuccess);
        Assert.Equal("reassign_needs_supervisor", complaint.Assign(colleague, colleague.UserId, automatic: false, s_now).Error!.Code);
        Assert.Equal("already_assigned", complaint.Assign(Actors.Staff(RedressRoles.Supervisor), agent.UserId, automatic: false, s_now).Error!.Code);
        Assert.True(complaint.Assign(Actors.Staff(RedressRoles.Supervisor), colleague.UserId, automatic: false, s_now).IsSuccess);
        Assert.Equal(colleague.UserId, complaint.AssigneeId);
    }

    [Fact]
    public void A_merged_duplicate_points_to_its_survivor_and_both_timelines_say_so()
    {
        var customer = Actors.Customer();
        var duplicate = New(customer);
        var survivor = New(customer);
        var agent = Actors.Staff(RedressRoles.Agent);

        Assert.Equal(ErrorKind.Conflict, duplicate.MergeInto(New(Actors.Customer()), agent, s_now).Error!.Kind);
        Assert.True(duplicate.MergeInto(survivor, agent, s_now).IsSuccess);

        Assert.Equal(ComplaintStage.Merged, duplicate.Stage);
        Assert.Equal(survivor.Number, duplicate.MergedIntoNumber);
        Assert.Contains(survivor.Number, duplicate.Timeline[^1].Payload, StringComparison.Ordinal);
        Assert.Equal(TimelineEventTypes.DuplicateMergedIn, survivor.Timeline[^1].Type);
        Assert.Equal(ErrorKind.Conflict, duplicate.Withdraw(customer, s_now).Error!.Kind);
    }

    [Fact]
    public void The_customer_never_sees_internal_notes_or_internal_entries()
    {
        var customer = Actors.Customer();
        var agent = Actors.Staff(RedressRoles.Agent);
        var complaint = New(customer);
        Assert.True(complaint.Triage(agent, ComplaintCategory.Fees, ComplaintPriority.Normal, s_now).IsSuccess);
        Assert.True(complaint.AddNote(agent, "Customer sounds like a repeat caller.", s_now).IsSuccess);

        var forCustomer = complaint.ToDetails(customer, complaint.Timeline, complaint.Messages, s_now, s_options, []);
        var forAgent = complaint.ToDetails(agent, complaint.Timeline, complaint.Messages, s_now, s_options, []);

        Assert.Empty(forCustomer.Conversation);
        Assert.All(forCustomer.Timeline, e => Assert.Equal(Visibility.Customer, e.Visibility));
        Assert.Single(forCustomer.Timeline);
        Assert.Equal(MessageKind.Note, Assert.Single(forAgent.Conversation).Kind);
        Assert.Equal(3, forAgent.Timeline.Count);
    }

    [Fact]
    public void The_allowed_actions_follow_role_and_stage()
    {
        var customer = Actors.Customer();
        var complaint = Resolved(customer, out var handler);

        Assert.Equal([CaseAction.SendMessage, CaseAction.Accept, CaseAction.Appeal], complaint.AllowedActions(customer, s_now, s_options));
        Assert.DoesNotContain(CaseAction.Accept, complaint.AllowedActions(handler, s_now, s_options));
        Assert.Empty(complaint.AllowedActions(Actors.Customer(), s_now, s_options));
        Assert.DoesNotContain(CaseAction.Appeal, complaint.AllowedActions(customer, s_now.AddDays(31), s_options));
    }

    [Fact]
    public void Turning_an_internal_entry_public_breaks_its_hash()
    {
        var number = ComplaintNumber.New().Value;
        var facts = new NoteAdded(new MessageRef(Guid.NewGuid(), MessageKind.Note, new string('a', 64), []));
        var note = TimelineEvent.Create(number, 2, facts, s_now, Guid.NewGuid(), RedressRoles.Agent, TimelineEvent.GenesisHash, Visibility.Internal);
        var shown = TimelineEvent.Create(number, 2, facts, s_now, note.ActorId, RedressRoles.Agent, TimelineEvent.GenesisHash, Visibility.Customer);

        Assert.NotEqual(note.Hash, shown.Hash);
    }

    private static Complaint New(Actor customer) =>
        Complaint.File(
            new ValidComplaint(ComplaintCategory.TransactionFailure, "Money left my wallet but the transfer failed.", "Refund it", s_now.AddDays(-1), "TX1", new Money(50000, Currency.Cny)),
            customer,
            ComplaintChannel.Web,
            ComplaintNumber.New(),
            s_now.AddDays(-1));

    private static Complaint Resolved(Actor customer, out Actor handler)
    {
        handler = Actors.Staff(RedressRoles.Supervisor);
        var complaint = New(customer);
        Assert.True(complaint.Triage(handler, ComplaintCategory.Refund, ComplaintPriority.Normal, s_now).IsSuccess);
        Assert.True(complaint.StartInvestigation(handler, s_now).IsSuccess);
        Assert.True(complaint.Resolve(handler, ComplaintOutcome.PartlyUpheld, ClosureCode.ClosedWithNonMonetaryRelief, "Partly.", s_now).IsSuccess);
        return complaint;
    }
}
