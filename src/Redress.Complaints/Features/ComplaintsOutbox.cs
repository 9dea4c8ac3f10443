using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Redress.Complaints.Data;
using Redress.Complaints.Deadlines;
using Redress.SharedKernel;
using Redress.SharedKernel.Outbox;

namespace Redress.Complaints.Features;

/// <summary>
/// The complaint timeline as an outbox (ADR 10): claims go through <see cref="DeliveryClaims"/> on the
/// <c>outbox_deliveries</c> rows written with the timeline entries, and each claimed entry is read back with its
/// complaint to say whom it is for and what the message needs. Delivery results come back as internal
/// "notification.delivery" entries on the timeline, one per (event, channel, outcome).
/// </summary>
public sealed partial class ComplaintsOutbox(
    ComplaintsDbContext db, TimeProvider time, IOptions<DeadlineSettings> deadlines, ILogger<ComplaintsOutbox> logger) : IOutboxSource, IDeliveryStatusSink
{
    private const int ReportAttempts = 3;

    public async Task<IReadOnlyList<OutboxEvent>> ClaimAsync(string consumer, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var claimed = await new DeliveryClaims(db, time).ClaimAsync(consumer, max, lease, cancellationToken);
        if (claimed.Count == 0)
        {
            return [];
        }

        var ids = claimed.Select(c => c.EventId).ToList();
        var rows = await db.TimelineEvents.AsNoTracking()
            .Where(e => ids.Contains(e.Id))
            .Join(db.Complaints.AsNoTracking(), e => e.ComplaintId, c => c.Id, (e, c) => new { Event = e, Complaint = c })
            .ToListAsync(cancellationToken);
        var messageIds = rows.Select(r => r.Event.Read()).OfType<MessagePayload>().Select(p => p.Message.Id).ToList();
        var bodies = await db.Messages.AsNoTracking()
            .Where(m => messageIds.Contains(m.PublicId))
            .ToDictionaryAsync(m => m.PublicId, m => m.Body, cancellationToken);

        var events = new List<OutboxEvent>();
        foreach (var row in rows.OrderBy(r => r.Event.Id))
        {
            if (ToOutboxEvent(row.Event, row.Complaint, bodies) is { } outboxEvent)
            {
                events.Add(outboxEvent);
            }
            else
            {
                // Nothing to tell anyone (say, an owner removed from the payload): settle it so it is not claimed again.
                await CompleteAsync(consumer, row.Event.Id, cancellationToken);
            }
        }

        return events;
    }

    public Task CompleteAsync(string consumer, long eventId, CancellationToken cancellationToken) =>
        new DeliveryClaims(db, time).CompleteAsync(consumer, eventId, cancellationToken);

    public Task RetryLaterAsync(string consumer, long eventId, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken) =>
        new DeliveryClaims(db, time).RetryLaterAsync(consumer, eventId, notBefore, reason, cancellationToken);

    public async Task ReportAsync(IReadOnlyList<DeliveryStatus> statuses, CancellationToken cancellationToken)
    {
        foreach (var status in statuses)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await RecordAsync(status, cancellationToken);
                    break;
                }
                catch (DbUpdateException) when (attempt < ReportAttempts)
                {
                    // A case worker or another instance appended to the same complaint first; read the new head and try again.
                    db.ChangeTracker.Clear();
                }
            }
        }
    }

    /// <summary>Removes settled delivery rows older than <paramref name="age"/>; the timeline keeps what happened.</summary>
    public Task<int> PruneAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - age;
        return db.OutboxDeliveries.Where(d => d.CompletedAt != null && d.CompletedAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task RecordAsync(DeliveryStatus status, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var complaintId = await db.TimelineEvents.AsNoTracking()
            .Where(e => e.Id == status.EventId)
            .Select(e => (long?)e.ComplaintId)
            .SingleOrDefaultAsync(cancellationToken);
        var complaint = complaintId is { } id ? await db.Complaints.SingleAsync(c => c.Id == id, cancellationToken) : null;
        if (complaint is null)
        {
            return;
        }

        // The payload names the event, channel and outcome only, and the canonical form is unique to the record, so a
        // repeated report is found by comparing stored payloads with this one's canonical text in the database.
        var facts = new DeliveryReported(status.EventId, status.Channel, status.Outcome);
        var payload = Encoding.UTF8.GetString(TimelineJson.Canonical(facts));
        if (await db.TimelineEvents.AnyAsync(e => e.ComplaintId == complaint.Id && e.Type == TimelineEventTypes.DeliveryReported && e.Payload == payload, cancellationToken))
        {
            return;
        }

        var head = await db.TimelineEvents.AsNoTracking()
            .Where(e => e.ComplaintId == complaint.Id)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstAsync(cancellationToken);
        complaint.ContinueTimeline(head.Sequence, head.Hash);
        complaint.AppendSystem(status.At, facts);
        await db.SaveChangesAsync(cancellationToken);
        LogReported(logger, complaint.Number, status.EventId, status.Channel, status.Outcome);
    }

    private OutboxEvent? ToOutboxEvent(TimelineEvent entry, Complaint complaint, IReadOnlyDictionary<Guid, string> bodies)
    {
        var payload = entry.Read();
        var number = ComplaintProjections.DisplayNumber(complaint.Number);
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (complaint.FinalDueAt is { } final)
        {
            data["Deadline"] = DueDate(complaint, final);
        }

        var body = payload is MessagePayload message ? bodies.GetValueOrDefault(message.Message.Id) : null;
        var customer = (Guid?)complaint.CustomerId;
        (string Type, Guid? Recipient, RecipientKind Kind)? route = payload switch
        {
            ComplaintAcknowledged => (OutboxEventTypes.Acknowledged, customer, RecipientKind.Customer),
            InformationRequested => (OutboxEventTypes.InformationRequested, customer, RecipientKind.Customer),
            HoldingReplySent => (OutboxEventTypes.HoldingReply, customer, RecipientKind.Customer),
            ComplaintResolved => (OutboxEventTypes.Resolved, customer, RecipientKind.Customer),
            ComplaintAppealed => (OutboxEventTypes.AppealReceived, customer, RecipientKind.Customer),
            AppealDecided => (OutboxEventTypes.AppealDecided, customer, RecipientKind.Customer),
            AutoResolutionReversed => (OutboxEventTypes.AutoDecisionReversed, customer, RecipientKind.Customer),
            ComplaintAssigned assigned => (OutboxEventTypes.StaffAssigned, assigned.Assignee, RecipientKind.Staff),
            ComplaintNudged nudged => (OutboxEventTypes.StaffNudged, nudged.Assignee, RecipientKind.Staff),
            SlaWarning warning => (OutboxEventTypes.StaffSlaWarning, warning.Owner, RecipientKind.Staff),
            SlaHoldingReplyDue prompt => (OutboxEventTypes.StaffSlaWarning, prompt.Owner, RecipientKind.Staff),
            SlaBreached breached => (OutboxEventTypes.StaffSlaBreached, breached.Owner, RecipientKind.Staff),
            _ => null,
        };
        var escalateTo = (payload as SlaBreached)?.EscalateTo;
        if (route is not { } chosen || (chosen.Recipient is null && escalateTo is null))
        {
            return null;
        }

        switch (payload)
        {
            case InformationRequested when body is not null:
                data["Question"] = body;
                break;
            case HoldingReplySent:
                data["Reason"] = body ?? string.Empty;
                break;
            case ComplaintResolved resolved:
                data["Outcome"] = resolved.Outcome.ToString();
                data["FinalResponse"] = body ?? string.Empty;
                break;
            case AppealDecided decided:
                data["Decision"] = decided.Outcome.ToString();
                data["FinalResponse"] = body ?? string.Empty;
                break;
            case AutoResolutionReversed reversed:
                data["Amount"] = ReversedAmount(reversed, complaint.Culture);
                break;
            case SlaWarning or SlaHoldingReplyDue or SlaBreached:
                data["SlaPoint"] = entry.Type;
                break;
            default:
                break;
        }

        return new OutboxEvent(entry.Id, number, chosen.Recipient, chosen.Kind, chosen.Type, complaint.Culture, entry.OccurredAt, data, escalateTo);
    }

    /// <summary>The due day as the customer counts it: the date in the policy's time zone.</summary>
    private string DueDate(Complaint complaint, DateTimeOffset final) =>
        (complaint.DeadlinePolicy is { } name && deadlines.Value.Policies.TryGetValue(name, out var policy)
            ? DeadlineCalculator.LocalDate(policy, final)
            : DateOnly.FromDateTime(final.UtcDateTime)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The amount taken back, as the customer reads money in their language.</summary>
    private static string ReversedAmount(AutoResolutionReversed reversed, string culture) =>
        reversed.AmountMinorUnits is { } units && Currency.TryFind(reversed.Currency, out var currency)
            ? new Money(units, currency.Value).ToString(CultureInfo.GetCultureInfo(culture))
            : string.Empty;

    [LoggerMessage(EventId = 1150, Level = LogLevel.Information, Message = "Complaint {ComplaintNumber}: delivery of event {EventId} by {Channel} recorded as {Outcome}")]
    private static partial void LogReported(ILogger logger, string complaintNumber, long eventId, string channel, DeliveryOutcome outcome);
}
