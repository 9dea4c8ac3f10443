namespace Redress.SharedKernel.Outbox;

/// <summary>Whom an outbox event is for: the complaining customer or a member of staff.</summary>
public enum RecipientKind
{
    Customer,
    Staff,
}

/// <summary>
/// A timeline event as a consumer receives it from the outbox: one recipient, one type, the values its
/// messages need. The producing module decides who is told what; consumers never read its tables.
/// </summary>
/// <param name="EventId">The timeline event's id; consumers key their own idempotency on it.</param>
/// <param name="ComplaintNumber">The number the recipient knows the complaint by.</param>
/// <param name="RecipientId">The user (customer or staff) the event is addressed to; null when it goes to <paramref name="EscalateToRole"/> only.</param>
/// <param name="RecipientKind">Customer or staff; decides which channels apply.</param>
/// <param name="Type">One of <see cref="OutboxEventTypes"/>.</param>
/// <param name="Culture">The language the recipient is written to in: "zh-CN" or "en".</param>
/// <param name="OccurredAt">When the event happened.</param>
/// <param name="Data">Values by name, e.g. "Deadline" (ISO 8601 date) or "Outcome".</param>
/// <param name="EscalateToRole">A role whose members are told too (a breach goes to the supervisors); the consumer resolves its members.</param>
public sealed record OutboxEvent(
    long EventId,
    string ComplaintNumber,
    Guid? RecipientId,
    RecipientKind RecipientKind,
    string Type,
    string Culture,
    DateTimeOffset OccurredAt,
    IReadOnlyDictionary<string, string> Data,
    string? EscalateToRole = null);

/// <summary>The event types that reach people. Producers may emit others; consumers ignore what they do not know.</summary>
public static class OutboxEventTypes
{
    public const string Acknowledged = "complaint.acknowledged";
    public const string InformationRequested = "complaint.information_requested";
    public const string HoldingReply = "complaint.holding_reply";
    public const string Resolved = "complaint.resolved";
    public const string AppealReceived = "complaint.appeal_received";
    public const string AppealDecided = "complaint.appeal_decided";
    public const string AutoDecisionReversed = "complaint.auto_decision_reversed";
    public const string StaffAssigned = "staff.assigned";
    public const string StaffNudged = "staff.nudged";
    public const string StaffSlaWarning = "staff.sla_warning";
    public const string StaffSlaBreached = "staff.sla_breached";
}
