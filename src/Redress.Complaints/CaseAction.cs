using Redress.SharedKernel.Security;

namespace Redress.Complaints;

/// <summary>Everything that can be done to a complaint once it is filed. Each is one method on <see cref="Complaint"/>.</summary>
public enum CaseAction
{
    Acknowledge,
    Triage,
    Assign,
    StartInvestigation,
    RequestInformation,
    SendMessage,
    AddNote,
    Resolve,
    Accept,
    Appeal,
    StartReview,
    DecideAppeal,
    Withdraw,
    EscalateExternally,
    Merge,
    Nudge,
    SendHoldingReply,
}

/// <summary>Who may act on a complaint.</summary>
internal enum CaseParty
{
    /// <summary>Any case worker (agent, supervisor, compliance officer).</summary>
    Staff,

    /// <summary>Supervisors only.</summary>
    Supervisor,

    /// <summary>The customer who filed the complaint.</summary>
    Owner,

    /// <summary>Staff or the owner.</summary>
    Anyone,
}

/// <summary>
/// The transition table: for each action, the stages it starts from and who may take it. Every method on
/// <see cref="Complaint"/> checks here first, and the UI offers exactly the actions this table allows.
/// </summary>
internal static class CaseRules
{
    public static readonly IReadOnlySet<ComplaintStage> Open = new HashSet<ComplaintStage>
    {
        ComplaintStage.Received,
        ComplaintStage.Acknowledged,
        ComplaintStage.Triaged,
        ComplaintStage.Investigating,
        ComplaintStage.Appealed,
        ComplaintStage.Reviewing,
        ComplaintStage.EscalatedExternally,
    };

    /// <summary>The open stages as an array, which queries can translate to SQL <c>IN</c>.</summary>
    public static readonly ComplaintStage[] OpenStages = [.. Open];

    private static readonly ComplaintStage[] s_openOrResolved = [.. Open, ComplaintStage.Resolved];

    private static readonly Dictionary<CaseAction, (CaseParty Party, ComplaintStage[] From)> s_table = new()
    {
        [CaseAction.Acknowledge] = (CaseParty.Staff, [ComplaintStage.Received]),
        [CaseAction.Triage] = (CaseParty.Staff, [ComplaintStage.Received, ComplaintStage.Acknowledged]),
        [CaseAction.Assign] = (CaseParty.Staff, [.. Open]),
        [CaseAction.StartInvestigation] = (CaseParty.Staff, [ComplaintStage.Triaged]),
        [CaseAction.RequestInformation] = (CaseParty.Staff, [ComplaintStage.Acknowledged, ComplaintStage.Triaged, ComplaintStage.Investigating, ComplaintStage.Reviewing]),
        [CaseAction.SendMessage] = (CaseParty.Anyone, s_openOrResolved),
        [CaseAction.AddNote] = (CaseParty.Staff, Enum.GetValues<ComplaintStage>()),
        [CaseAction.Resolve] = (CaseParty.Staff, [ComplaintStage.Investigating, ComplaintStage.EscalatedExternally]),
        [CaseAction.Accept] = (CaseParty.Owner, [ComplaintStage.Resolved]),
        [CaseAction.Appeal] = (CaseParty.Owner, [ComplaintStage.Resolved]),
        [CaseAction.StartReview] = (CaseParty.Supervisor, [ComplaintStage.Appealed]),
        [CaseAction.DecideAppeal] = (CaseParty.Supervisor, [ComplaintStage.Reviewing]),
        [CaseAction.Withdraw] = (CaseParty.Owner, [.. Open]),
        [CaseAction.EscalateExternally] = (CaseParty.Staff, [.. s_openOrResolved.Where(s => s != ComplaintStage.EscalatedExternally)]),
        [CaseAction.Merge] = (CaseParty.Staff, [.. Open]),
        [CaseAction.Nudge] = (CaseParty.Owner, [.. Open]),
        // Before the first answer only: after a resolution the clock is stopped and there is nothing left to extend.
        [CaseAction.SendHoldingReply] = (CaseParty.Staff, [ComplaintStage.Received, ComplaintStage.Acknowledged, ComplaintStage.Triaged, ComplaintStage.Investigating, ComplaintStage.EscalatedExternally]),
    };

    public static bool StageAllows(CaseAction action, ComplaintStage stage) => s_table[action].From.Contains(stage);

    public static bool PartyAllows(CaseAction action, Actor actor, Guid ownerId) => s_table[action].Party switch
    {
        CaseParty.Staff => actor.IsCaseWorker,
        CaseParty.Supervisor => actor.Roles.Contains(RedressRoles.Supervisor),
        CaseParty.Owner => actor.IsCustomer && actor.UserId == ownerId,
        CaseParty.Anyone => actor.IsCaseWorker || (actor.IsCustomer && actor.UserId == ownerId),
        _ => false,
    };
}
