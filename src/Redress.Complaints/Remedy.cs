using Redress.SharedKernel;
using Redress.SharedKernel.Security;

namespace Redress.Complaints;

public enum RemedyKind
{
    Refund,
    Compensation,
    FeeReversal,
    Points,
    Voucher,
    ServiceAdjustment,

    /// <summary>Pays a merchant's pending refund now, through the ledger, so it cannot also be paid later.</summary>
    SettleRefund,
}

/// <summary>proposed → approved → executing → executed | failed; an executed automatic remedy may be reversed by a supervisor.</summary>
public enum RemedyStatus
{
    Proposed,
    Approved,
    Executing,
    Executed,
    Failed,
    Reversed,
}

/// <summary>
/// What the operator puts right for one complaint. Money remedies reach the ledger under <see cref="IdempotencyKey"/>,
/// which is derived from the complaint and the remedy, so a retry after a crash replays the first posting instead of paying again.
/// </summary>
internal sealed class Remedy
{
    private Remedy()
    {
    }

    public Guid Id { get; private set; }

    public long ComplaintId { get; private set; }

    public string ComplaintNumber { get; private set; } = string.Empty;

    public RemedyKind Kind { get; private set; }

    public RemedyStatus Status { get; private set; }

    public long? AmountMinorUnits { get; private set; }

    public string? Currency { get; private set; }

    public long? Points { get; private set; }

    /// <summary>The refunded transaction or the reversed fee.</summary>
    public string? TransactionReference { get; private set; }

    /// <summary>The wallet a compensation is credited to.</summary>
    public Guid? AccountId { get; private set; }

    public string Reason { get; private set; } = string.Empty;

    public bool RequiresApproval { get; private set; }

    public Guid ProposedById { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public Guid? ApprovedById { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public Guid? RequestedById { get; private set; }

    public DateTimeOffset? RequestedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>The ledger transaction that paid the remedy.</summary>
    public string? LedgerReference { get; private set; }

    public string? FailureCode { get; private set; }

    /// <summary>The automatic rule that proposed and approved this remedy; null for a person's remedy.</summary>
    public string? Rule { get; private set; }

    /// <summary>For a rule's remedy, what the ledger showed when the rule decided (JSON of <c>AutoExplanation</c>), for the customer's explanation.</summary>
    public string? Explanation { get; private set; }

    /// <summary>The ledger transaction that took the money back when a supervisor reversed the remedy.</summary>
    public string? ReversalReference { get; private set; }

    public Guid? ReversedById { get; private set; }

    public DateTimeOffset? ReversedAt { get; private set; }

    public int Version { get; private set; }

    public bool MovesMoney => Kind is RemedyKind.Refund or RemedyKind.Compensation or RemedyKind.FeeReversal or RemedyKind.SettleRefund;

    /// <summary>The key of the ledger reversal, derived from the remedy like the payment's, so a retried reverse claws back once.</summary>
    public string ReversalKey => $"reversal:{ComplaintNumber}:{Id:N}";

    public string IdempotencyKey => $"remedy:{ComplaintNumber}:{Id:N}";

    public Money? Amount => AmountMinorUnits is { } minor && SharedKernel.Currency.TryFind(Currency, out var currency)
        ? new Money(minor, currency.Value)
        : null;

    public static Remedy Propose(
        Complaint complaint, RemedyKind kind, Money? amount, long? points, string? transactionReference, Guid? accountId, string reason, bool requiresApproval, Actor proposer, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            ComplaintId = complaint.Id,
            ComplaintNumber = complaint.Number,
            Kind = kind,
            Status = requiresApproval ? RemedyStatus.Proposed : RemedyStatus.Approved,
            AmountMinorUnits = amount?.MinorUnits,
            Currency = amount?.Currency.Code,
            Points = points,
            TransactionReference = transactionReference,
            AccountId = accountId,
            Reason = reason,
            RequiresApproval = requiresApproval,
            ProposedById = proposer.UserId,
            ProposedAt = now,
        };

    /// <summary>
    /// A rule's remedy: proposed by the platform and approved by the rule itself (no person's approval), and already
    /// requested, so that the request is stored in the same transaction as the proposal.
    /// </summary>
    public static Remedy ProposeAutomatically(
        Complaint complaint, string rule, string explanation, RemedyKind kind, Money amount, string transactionReference, string reason, Actor platform, DateTimeOffset now)
    {
        var remedy = Propose(complaint, kind, amount, null, transactionReference, null, reason, requiresApproval: false, platform, now);
        remedy.Rule = rule;
        remedy.Explanation = explanation;
        remedy.ApprovedById = platform.UserId;
        remedy.ApprovedAt = now;
        remedy.Request(platform, now);
        return remedy;
    }

    /// <summary>Records the ledger reversal of an executed remedy.</summary>
    public void Reverse(string reversalReference, Actor supervisor, DateTimeOffset now)
    {
        Status = RemedyStatus.Reversed;
        ReversalReference = reversalReference;
        ReversedById = supervisor.UserId;
        ReversedAt = now;
        Version++;
    }

    /// <summary>Four eyes: a supervisor other than the proposer.</summary>
    public Error? Approve(Actor supervisor, DateTimeOffset now)
    {
        if (!supervisor.Roles.Contains(RedressRoles.Supervisor))
        {
            return CaseErrors.Forbidden("remedy_approval_needs_supervisor");
        }

        if (supervisor.UserId == ProposedById)
        {
            return CaseErrors.Forbidden("remedy_approver_is_proposer");
        }

        if (Status != RemedyStatus.Proposed)
        {
            return CaseErrors.Conflict("remedy_not_awaiting_approval");
        }

        Status = RemedyStatus.Approved;
        ApprovedById = supervisor.UserId;
        ApprovedAt = now;
        Version++;
        return null;
    }

    /// <summary>Records the intent before the ledger is called, so a crash after the call leaves a trace to resume from.</summary>
    public Error? Request(Actor actor, DateTimeOffset now)
    {
        if (Status != RemedyStatus.Approved)
        {
            return CaseErrors.Conflict(Status == RemedyStatus.Proposed ? "remedy_needs_approval" : "remedy_already_executed");
        }

        Status = RemedyStatus.Executing;
        RequestedById = actor.UserId;
        RequestedAt = now;
        Version++;
        return null;
    }

    public void Complete(string? ledgerReference, DateTimeOffset now)
    {
        Status = RemedyStatus.Executed;
        LedgerReference = ledgerReference;
        CompletedAt = now;
        Version++;
    }

    public void Fail(string code, DateTimeOffset now)
    {
        Status = RemedyStatus.Failed;
        FailureCode = code;
        CompletedAt = now;
        Version++;
    }
}
