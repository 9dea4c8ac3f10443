namespace Redress.Complaints.Deadlines;

/// <summary>What the SLA monitor announces for one complaint at one moment, and when it must look again.</summary>
internal sealed record SlaStep(
    IReadOnlyList<double> NewWarnings,
    bool PromptHoldingReply,
    bool Breached,
    int WarningsSent,
    DateTimeOffset? HoldingReplyPromptedAt,
    DateTimeOffset? BreachedAt,
    DateTimeOffset? NextCheckAt);

/// <summary>The columns of a complaint that its SLA plan depends on; the sweep reads only these.</summary>
internal sealed record SlaState(
    DateTimeOffset FiledAt,
    DateTimeOffset? FinalDueAt,
    DateTimeOffset? HoldingReplyBy,
    int SlaWarningsSent,
    DateTimeOffset? HoldingReplyPromptedAt,
    DateTimeOffset? BreachedAt,
    DateTimeOffset? HoldingReplySentAt)
{
    public static SlaState Of(Complaint complaint) => new(
        complaint.FiledAt, complaint.FinalDueAt, complaint.HoldingReplyBy, complaint.SlaWarningsSent, complaint.HoldingReplyPromptedAt, complaint.BreachedAt, complaint.HoldingReplySentAt);
}

/// <summary>
/// The SLA points of a complaint as a pure function of its deadlines and what was already announced: warnings at
/// fractions of the time from filing to the final deadline, the holding-reply prompt a lead time before the
/// holding-reply point, and the breach at the final deadline. Each is announced once.
/// </summary>
internal static class SlaPlan
{
    public static SlaStep Step(Complaint complaint, DateTimeOffset now, SlaMonitorOptions options) => Step(SlaState.Of(complaint), now, options);

    public static SlaStep Step(SlaState complaint, DateTimeOffset now, SlaMonitorOptions options)
    {
        if (complaint.FinalDueAt is not { } final)
        {
            return new SlaStep([], false, false, complaint.SlaWarningsSent, complaint.HoldingReplyPromptedAt, complaint.BreachedAt, null);
        }

        var fractions = options.Fractions;
        var span = final - complaint.FiledAt;
        var warnings = new List<double>();
        var sent = complaint.SlaWarningsSent;
        while (sent < fractions.Count && WarningAt(complaint.FiledAt, span, fractions[sent]) <= now)
        {
            warnings.Add(fractions[sent]);
            sent++;
        }

        var promptAt = complaint.HoldingReplyBy - options.HoldingReplyLead;
        // Once the holding reply is sent there is nothing left to prompt for.
        var promptDue = complaint.HoldingReplySentAt is null ? promptAt : null;
        var prompt = complaint.HoldingReplyPromptedAt is null && promptDue <= now;
        var prompted = prompt ? now : complaint.HoldingReplyPromptedAt;
        var breach = complaint.BreachedAt is null && final <= now;
        var breachedAt = breach ? now : complaint.BreachedAt;

        DateTimeOffset? next = null;
        if (sent < fractions.Count)
        {
            next = WarningAt(complaint.FiledAt, span, fractions[sent]);
        }

        if (prompted is null && promptDue is { } pending)
        {
            next = Earliest(next, pending);
        }

        if (breachedAt is null)
        {
            next = Earliest(next, final);
        }

        // A breach already announced while earlier points were passed over (a long outage) ends the plan.
        if (breachedAt is not null)
        {
            next = null;
        }

        return new SlaStep(warnings, prompt, breach, sent, prompted, breachedAt, next);
    }

    private static DateTimeOffset WarningAt(DateTimeOffset filedAt, TimeSpan span, double fraction) => filedAt + (span * fraction);

    private static DateTimeOffset Earliest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } value && value <= candidate ? value : candidate;
}
