using Redress.SharedKernel;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Features;

/// <summary>An amount as clients see it: exact minor units, the currency, and the decimal amount for display.</summary>
public sealed record MoneyView(long MinorUnits, string Currency, decimal Amount)
{
    internal static MoneyView? From(Money? money) =>
        money is { } value ? new MoneyView(value.MinorUnits, value.Currency.Code, value.Amount) : null;
}

/// <summary>A complaint in a list.</summary>
public sealed record ComplaintSummary(
    string Number,
    Guid CustomerId,
    ComplaintCategory Category,
    ComplaintChannel Channel,
    ComplaintStage Stage,
    WaitingOn WaitingOn,
    ComplaintPriority Priority,
    string Jurisdiction,
    DateTimeOffset FiledAt,
    DateTimeOffset UpdatedAt,
    string? TransactionReference,
    MoneyView? Amount)
{
    /// <summary>When the final response is due under the complaint's policy; null when no policy applies.</summary>
    public DateTimeOffset? FinalDueAt { get; init; }

    /// <summary>Warned about or past the final deadline while still open.</summary>
    public bool AtRisk { get; init; }
}

/// <summary>
/// A complaint's deadlines under its policy, each the last instant of the due day in the policy's time zone.
/// <see cref="CalendarComplete"/> is false when a date fell in a year whose holidays were not loaded.
/// </summary>
public sealed record DeadlinesView(
    string Policy,
    DateTimeOffset? AcknowledgeBy,
    DateTimeOffset? HoldingReplyBy,
    DateTimeOffset FinalDueAt,
    DateTimeOffset? ExtendedFinalBy,
    bool CalendarComplete,
    bool Paused,
    DateTimeOffset? HoldingReplySentAt = null);

/// <summary>One entry of a complaint's timeline as the complaint's readers see it; customers see only customer-visible entries.</summary>
public sealed record TimelineEntryView(int Sequence, string Type, DateTimeOffset OccurredAt, string ActorRole, Visibility Visibility)
{
    /// <summary>For a delivery report (staff only): which channel and how it went, so the case page can say it in words.</summary>
    public DeliveryReportView? Delivery { get; init; }
}

/// <summary>One channel's delivery of one notification: <c>email</c>, <c>sms</c> or <c>inapp</c>; <c>Sent</c>, <c>Retrying</c> or <c>Failed</c>.</summary>
public sealed record DeliveryReportView(string Channel, string Outcome);

/// <summary>A file attached to a message; download it from <c>/api/complaints/{number}/attachments/{id}</c>.</summary>
public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256);

/// <summary>One conversation entry. Internal notes are only ever in views built for staff.</summary>
public sealed record MessageView(
    Guid Id,
    MessageKind Kind,
    Visibility Visibility,
    string AuthorRole,
    bool FromCustomer,
    string Body,
    DateTimeOffset SentAt,
    IReadOnlyList<AttachmentView> Attachments);

/// <summary>Where a customer can take the complaint after the operator's final word, from configuration per jurisdiction.</summary>
public sealed record ExternalRoute(string Name, string Contact, string? Url = null);

/// <summary>A complaint with its details, timeline and conversation, as the reader may see it.</summary>
public sealed record ComplaintDetails(
    string Number,
    Guid CustomerId,
    ComplaintCategory Category,
    ComplaintChannel Channel,
    ComplaintStage Stage,
    WaitingOn WaitingOn,
    ComplaintPriority Priority,
    string Jurisdiction,
    string Description,
    string DesiredOutcome,
    DateTimeOffset OccurredAt,
    string? TransactionReference,
    MoneyView? Amount,
    DateTimeOffset FiledAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<TimelineEntryView> Timeline)
{
    public Guid? AssigneeId { get; init; }

    public ComplaintOutcome? Outcome { get; init; }

    public ClosureCode? ClosureCode { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>Until when the customer may appeal; null when no appeal is open to them.</summary>
    public DateTimeOffset? AppealDeadline { get; init; }

    public DateTimeOffset? LastNudgedAt { get; init; }

    /// <summary>For a merged duplicate, the complaint that carries on.</summary>
    public string? MergedInto { get; init; }

    /// <summary>On filing: an open complaint of the same customer about the same transaction.</summary>
    public string? PossibleDuplicateOf { get; init; }

    /// <summary>What the reader may do now; the UI offers exactly these.</summary>
    public IReadOnlyList<CaseAction> AllowedActions { get; init; } = [];

    public IReadOnlyList<MessageView> Conversation { get; init; } = [];

    /// <summary>The deadlines under the complaint's policy; null when no policy applies to its jurisdiction.</summary>
    public DeadlinesView? Deadlines { get; init; }

    /// <summary>For staff: where a supervisor's review of an automatic decision stands; null when no rule decided the complaint.</summary>
    public AutoDecisionReview? AutoDecision { get; init; }

    /// <summary>The automatic rule that decided the complaint; shown to the customer too, whose explanation names it.</summary>
    public string? AutoRule { get; init; }

    /// <summary>Regulators and consumer bodies for the customer's jurisdiction, once the operator has given its final word.</summary>
    public IReadOnlyList<ExternalRoute> ExternalRoutes { get; init; } = [];
}

internal static class ComplaintProjections
{
    public static string DisplayNumber(string stored) => ComplaintNumber.FromStorage(stored).ToString();

    public static ComplaintDetails ToDetails(
        this Complaint complaint,
        Actor reader,
        IEnumerable<TimelineEvent> timeline,
        IEnumerable<ComplaintMessage> messages,
        DateTimeOffset now,
        CaseHandlingOptions options,
        IReadOnlyList<ExternalRoute> routes)
    {
        var staff = reader.IsCaseWorker;
        return new ComplaintDetails(
            DisplayNumber(complaint.Number),
            complaint.CustomerId,
            complaint.Category,
            complaint.Channel,
            complaint.Stage,
            complaint.WaitingOn,
            complaint.Priority,
            complaint.Jurisdiction,
            complaint.Description,
            complaint.DesiredOutcome,
            complaint.OccurredAt,
            complaint.TransactionReference,
            MoneyView.From(complaint.Amount),
            complaint.FiledAt,
            complaint.UpdatedAt,
            [.. timeline.Where(e => staff || e.Visibility == Visibility.Customer).OrderBy(e => e.Sequence)
                .Select(e => new TimelineEntryView(e.Sequence, e.Type, e.OccurredAt, e.ActorRole, e.Visibility) { Delivery = DeliveryOf(e) })])
        {
            AssigneeId = staff ? complaint.AssigneeId : null,
            Outcome = complaint.Outcome,
            ClosureCode = complaint.ClosureCode,
            ResolvedAt = complaint.ResolvedAt,
            AppealDeadline = complaint.Stage == ComplaintStage.Resolved ? complaint.AppealDeadline(options) : null,
            LastNudgedAt = complaint.LastNudgedAt,
            MergedInto = complaint.MergedIntoNumber is { } survivor ? DisplayNumber(survivor) : null,
            AllowedActions = complaint.AllowedActions(reader, now, options),
            Conversation = [.. messages.Where(m => staff || m.Visibility == Visibility.Customer).OrderBy(m => m.Id).Select(m => m.ToView(complaint.CustomerId))],
            Deadlines = complaint.DeadlinePolicy is { } policy && complaint.FinalDueAt is { } final
                ? new DeadlinesView(policy, complaint.AcknowledgeBy, complaint.HoldingReplyBy, final, complaint.ExtendedFinalBy, complaint.CalendarComplete, complaint.PausedSince is not null, complaint.HoldingReplySentAt)
                : null,
            AutoDecision = staff ? complaint.AutoDecision : null,
            AutoRule = complaint.AutoRule,
            ExternalRoutes = complaint.Stage == ComplaintStage.Closed && complaint.Outcome is not null ? routes : [],
        };
    }

    public static MessageView ToView(this ComplaintMessage message, Guid customerId) => new(
        message.PublicId,
        message.Kind,
        message.Visibility,
        message.AuthorRole,
        message.AuthorId == customerId,
        message.Body,
        message.SentAt,
        [.. message.Attachments.Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.Sha256))]);

    /// <summary>The channel and outcome a delivery report recorded; null for every other entry.</summary>
    private static DeliveryReportView? DeliveryOf(TimelineEvent entry) =>
        entry.Type == TimelineEventTypes.DeliveryReported && entry.Read() is DeliveryReported report
            ? new DeliveryReportView(report.Channel, report.Outcome.ToString())
            : null;
}
