using Redress.SharedKernel;


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
    MoneyView? Amount);

/// <summary>One entry of a complaint's timeline as the complaint's readers see it.</summary>
public sealed record TimelineEntryView(int Sequence, string Type, DateTimeOffset OccurredAt, string ActorRole);

/// <summary>A complaint with its details and timeline.</summary>
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
    IReadOnlyList<TimelineEntryView> Timeline);

internal static class ComplaintProjections
{
    public static ComplaintDetails ToDetails(this Complaint complaint, IEnumerable<TimelineEvent> timeline) => new(
        ComplaintNumber.FromStorage(complaint.Number).ToString(),
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
        [.. timeline.OrderBy(e => e.Sequence).Select(e => new TimelineEntryView(e.Sequence, e.Type, e.OccurredAt, e.ActorRole))]);
}
