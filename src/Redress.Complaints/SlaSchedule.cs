namespace Redress.Complaints;

/// <summary>
/// The part of a complaint the SLA monitor rewrites on every check, kept in its own narrow table (ADR 18) whose
/// key is the complaint's id. Only <see cref="Complaint"/> changes it; the complaint exposes each value as before.
/// </summary>
internal sealed class SlaSchedule
{
    /// <summary>Here rather than on the complaint because the at-risk list's index orders by it, and an index lives in one table.</summary>
    public DateTimeOffset? FinalDueAt { get; set; }

    public int SlaWarningsSent { get; set; }

    public DateTimeOffset? HoldingReplyPromptedAt { get; set; }

    public DateTimeOffset? BreachedAt { get; set; }

    public bool AtRisk { get; set; }

    public DateTimeOffset? NextSlaCheckAt { get; set; }
}
