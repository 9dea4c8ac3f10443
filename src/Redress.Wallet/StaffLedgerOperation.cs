using System.Text.Json;

namespace Redress.Wallet;

/// <summary>The money movements a supervisor may propose outside a complaint.</summary>
internal enum StaffOperationKind
{
    Refund,
    Compensation,
    FeeReversal,
}

/// <summary>
/// <c>Pending → Executing → Executed | Failed</c>, or <c>Pending → Rejected</c>. Executing means approved and handed to
/// the ledger; an operation left there (the ledger threw) is finished by a retry under the same key (ADR 23).
/// </summary>
internal enum StaffOperationState
{
    Pending,
    Executing,
    Executed,
    Failed,
    Rejected,
}

/// <summary>
/// A refund, compensation credit or fee reversal one supervisor proposed and another must approve before the ledger
/// moves the money (ADR 23). State changes are guarded UPDATEs on <see cref="State"/>, so of two approvals only one
/// goes on to the ledger; each change writes a <see cref="StaffLedgerAuditEntry"/> in the same transaction.
/// </summary>
internal sealed class StaffLedgerOperation
{
    private StaffLedgerOperation()
    {
        IdempotencyKey = string.Empty;
        RequestHash = string.Empty;
        Reason = string.Empty;
        Currency = string.Empty;
    }

    public long Id { get; private set; }

    public StaffOperationKind Kind { get; private set; }

    public StaffOperationState State { get; private set; }

    /// <summary>The original debit of a refund, or the fee of a fee reversal.</summary>
    public string? TransactionReference { get; private set; }

    /// <summary>The wallet a compensation credit goes to, or the wallet of the referenced transaction.</summary>
    public Guid AccountId { get; private set; }

    public long AmountMinor { get; private set; }

    public string Currency { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The proposer's <c>Idempotency-Key</c>: a double submit finds the first proposal instead of making a second.</summary>
    public string IdempotencyKey { get; private set; }

    public string RequestHash { get; private set; }

    public Guid ProposedById { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public Guid? DecidedById { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? RejectionReason { get; private set; }

    public string? LedgerReference { get; private set; }

    public string? FailureCode { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Derived from the id, never stored or drawn per attempt, so every attempt at paying sends the ledger the same key.</summary>
    public string LedgerKey => LedgerKeyOf(Id);

    public static string LedgerKeyOf(long id) => $"staff-operation:{id}";

    public static StaffLedgerOperation Propose(
        StaffOperationKind kind, string? reference, Guid accountId, long amountMinor, string currency, string reason,
        string idempotencyKey, string requestHash, Guid proposer, DateTimeOffset now) => new()
        {
            Kind = kind,
            State = StaffOperationState.Pending,
            TransactionReference = reference,
            AccountId = accountId,
            AmountMinor = amountMinor,
            Currency = currency,
            Reason = reason,
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
            ProposedById = proposer,
            ProposedAt = now,
        };
}

/// <summary>The steps an audit entry records.</summary>
internal enum StaffOperationStep
{
    Proposed,
    Approved,
    Executed,
    Failed,
    Rejected,
}

/// <summary>
/// One step in a staff ledger operation's life: who, when, and what (<see cref="Data"/>, one of the typed records
/// below as JSON). Append-only: rows are inserted with the step they record and never changed; the context refuses
/// to save a change to one.
/// </summary>
internal sealed class StaffLedgerAuditEntry
{
    private StaffLedgerAuditEntry()
    {
        Data = string.Empty;
    }

    public long Id { get; private set; }

    public long OperationId { get; private set; }

    public StaffOperationStep Step { get; private set; }

    public Guid ActorId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Data { get; private set; }

    public static StaffLedgerAuditEntry Proposed(long operationId, Guid actorId, DateTimeOffset at, OperationProposed data) => Of(operationId, StaffOperationStep.Proposed, actorId, at, data);

    public static StaffLedgerAuditEntry Approved(long operationId, Guid actorId, DateTimeOffset at, OperationApproved data) => Of(operationId, StaffOperationStep.Approved, actorId, at, data);

    public static StaffLedgerAuditEntry Executed(long operationId, Guid actorId, DateTimeOffset at, OperationExecuted data) => Of(operationId, StaffOperationStep.Executed, actorId, at, data);

    public static StaffLedgerAuditEntry Failed(long operationId, Guid actorId, DateTimeOffset at, OperationFailed data) => Of(operationId, StaffOperationStep.Failed, actorId, at, data);

    public static StaffLedgerAuditEntry Rejected(long operationId, Guid actorId, DateTimeOffset at, OperationRejected data) => Of(operationId, StaffOperationStep.Rejected, actorId, at, data);

    private static StaffLedgerAuditEntry Of<T>(long operationId, StaffOperationStep step, Guid actorId, DateTimeOffset at, T data)
        where T : notnull => new()
        {
            OperationId = operationId,
            Step = step,
            ActorId = actorId,
            At = at,
            Data = JsonSerializer.Serialize(data, StaffAuditJson.Options),
        };
}

internal static class StaffAuditJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

/// <summary>What was proposed, as the approver will see it.</summary>
internal sealed record OperationProposed(string Kind, string? TransactionReference, Guid AccountId, long AmountMinor, string Currency, string Reason, string IdempotencyKey);

/// <summary>The second person's approval, and the key the ledger is called with.</summary>
internal sealed record OperationApproved(string LedgerKey);

/// <summary>The ledger posted it; <paramref name="Retried"/> when a retry after a failed call finished it.</summary>
internal sealed record OperationExecuted(string LedgerReference, bool Retried);

/// <summary>The ledger refused it with a typed error; nothing moved.</summary>
internal sealed record OperationFailed(string Code, bool Retried);

internal sealed record OperationRejected(string Reason);
