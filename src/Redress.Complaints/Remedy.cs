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
}

/// <summary>proposed → approved → executing → executed | failed. Only executing may end in the ledger.</summary>
public enum RemedyStatus
{
    Proposed,
    Approved,
    Executing,
    Executed,
    Failed,
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

    public int Version { get; private set; }

    public bool MovesMoney => Kind is RemedyKind.Refund or RemedyKind.Compensation or RemedyKind.FeeReversal;

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
