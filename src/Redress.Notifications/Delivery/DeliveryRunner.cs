using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Redress.Notifications.Data;
using Redress.Notifications.Templates;
using Redress.SharedKernel.Outbox;
using Redress.SharedKernel.People;

namespace Redress.Notifications.Delivery;

/// <summary>
/// One round of delivery: claims events from the outbox, sends each (event, channel) message that is due, and
/// settles the event — complete when every message is sent or given up, else back to the outbox until the
/// earliest retry. Several instances may run rounds at once: the outbox never hands one event to two claimers,
/// and should a lease run out, the lease on each (event, channel) row still lets only one of them send.
/// </summary>
internal sealed partial class DeliveryRunner(
    IOutboxSource source,
    NotificationsDbContext db,
    TemplateStore templates,
    IUserDirectory directory,
    IEmailTransport email,
    ISmsSender sms,
    IEnumerable<IDeliveryStatusSink> sinks,
    IOptions<NotificationSettings> options,
    TimeProvider time,
    ILogger<DeliveryRunner> logger)
{
    public const string Consumer = "notifications";

    private readonly NotificationSettings _settings = options.Value;

    /// <summary>Runs one round; returns how many events it claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var events = await source.ClaimAsync(Consumer, _settings.BatchSize, _settings.ClaimLease, cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        // Members of an escalation role (the supervisors, for a breach) are looked up once per round.
        var roles = new Dictionary<string, IReadOnlyList<Guid>>(StringComparer.Ordinal);
        foreach (var role in events.Select(e => e.EscalateToRole).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            roles[role] = await directory.InRoleAsync(role, cancellationToken);
        }

        var recipients = events.ToDictionary(
            e => e.EventId,
            e => (IReadOnlyList<Guid>)[.. new[] { e.RecipientId }.OfType<Guid>().Concat(e.EscalateToRole is { } role ? roles[role] : []).Distinct()]);
        var contacts = await directory.FindContactsAsync([.. recipients.Values.SelectMany(r => r).Distinct()], cancellationToken);
        foreach (var outboxEvent in events)
        {
            await ProcessAsync(outboxEvent, [.. recipients[outboxEvent.EventId].Select(contacts.GetValueOrDefault).OfType<ContactDetails>()], cancellationToken);
        }

        return events.Count;
    }

    private async Task ProcessAsync(OutboxEvent outboxEvent, IReadOnlyList<ContactDetails> people, CancellationToken cancellationToken)
    {
        var spec = EventCatalog.Find(outboxEvent.Type);
        if (spec is null || people.Count == 0)
        {
            // Nothing to send: an event type no one is told about, or a recipient who no longer exists.
            LogNothingToSend(logger, outboxEvent.EventId, outboxEvent.Type, people.Count == 0);
            await source.CompleteAsync(Consumer, outboxEvent.EventId, cancellationToken);
            return;
        }

        foreach (var contact in people)
        {
            // The addressee is written to in the complaint's language; people told by escalation in their own.
            var culture = contact.UserId == outboxEvent.RecipientId
                ? TemplateCultures.Normalize(outboxEvent.Culture) ?? TemplateCultures.Normalize(contact.Culture) ?? TemplateCultures.Chinese
                : TemplateCultures.Normalize(contact.Culture) ?? TemplateCultures.Normalize(outboxEvent.Culture) ?? TemplateCultures.Chinese;
            var channels = spec.Channels.Where(channel => channel switch
            {
                Channels.Email => contact.Email is not null,
                Channels.Sms => _settings.Sms.Enabled && contact.Phone is not null,
                _ => true,
            }).ToList();

            foreach (var row in await EnsureRowsAsync(outboxEvent, contact.UserId, channels, cancellationToken))
            {
                if (row.State is DeliveryState.Pending or DeliveryState.Sending)
                {
                    await TrySendAsync(row, outboxEvent, spec, contact, culture, cancellationToken);
                }
            }
        }

        await SettleAsync(outboxEvent, cancellationToken);
    }

    private async Task<List<NotificationDelivery>> EnsureRowsAsync(OutboxEvent outboxEvent, Guid recipient, IReadOnlyList<string> channels, CancellationToken cancellationToken)
    {
        var existing = await db.Deliveries.AsNoTracking().Where(d => d.EventId == outboxEvent.EventId && d.RecipientId == recipient).ToListAsync(cancellationToken);
        var missing = channels.Except(existing.Select(d => d.Channel), StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return existing;
        }

        var now = time.GetUtcNow();
        db.Deliveries.AddRange(missing.Select(channel => new NotificationDelivery
        {
            EventId = outboxEvent.EventId,
            Channel = channel,
            ComplaintNumber = outboxEvent.ComplaintNumber,
            RecipientId = recipient,
            State = DeliveryState.Pending,
            NextAttemptAt = now,
            MessageId = EmailComposer.MessageIdFor(outboxEvent.EventId, channel, _settings.Smtp, recipient == outboxEvent.RecipientId ? null : recipient),
            CreatedAt = now,
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance created them first (after our claim's lease ran out); theirs are as good as ours.
        }

        db.ChangeTracker.Clear();
        return await db.Deliveries.AsNoTracking().Where(d => d.EventId == outboxEvent.EventId && d.RecipientId == recipient).ToListAsync(cancellationToken);
    }

    private async Task TrySendAsync(NotificationDelivery row, OutboxEvent outboxEvent, EventTemplateSpec spec, ContactDetails contact, string culture, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var leaseEnd = now + _settings.SendLease;
        // The row is ours only if this update takes it: pending and due, or left "sending" by a worker whose lease ran out.
        var taken = await db.Deliveries
            .Where(d => d.Id == row.Id
                && ((d.State == DeliveryState.Pending && d.NextAttemptAt <= now) || (d.State == DeliveryState.Sending && d.LeasedUntil <= now)))
            .ExecuteUpdateAsync(
                set => set.SetProperty(d => d.State, DeliveryState.Sending)
                    .SetProperty(d => d.LeasedUntil, leaseEnd)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1),
                cancellationToken);
        if (taken == 0)
        {
            return;
        }

        var attempts = row.Attempts + 1;
        var rendered = MessageRenderer.Render(await templates.GetAsync(outboxEvent.Type, row.Channel, culture, cancellationToken), outboxEvent, spec, contact.DisplayName, culture);
        if (row.Channel == Channels.InApp)
        {
            await DeliverToInboxAsync(row, outboxEvent, rendered, cancellationToken);
            return;
        }

        try
        {
            if (row.Channel == Channels.Email)
            {
                await email.SendAsync(EmailComposer.Compose(_settings.Smtp, row.MessageId, contact.DisplayName, contact.Email!, culture, rendered, now), cancellationToken);
            }
            else
            {
                await sms.SendAsync(new SmsMessage(contact.Phone!, rendered.Text, row.MessageId), cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await RecordFailureAsync(row, attempts, exception, cancellationToken);
            return;
        }

        // A crash here, after sending and before recording it, resends after the lease with the same Message-ID (ADR 10).
        await MarkSentAsync(row.Id, cancellationToken);
        LogSent(logger, row.EventId, row.Channel, attempts);
    }

    private async Task DeliverToInboxAsync(NotificationDelivery row, OutboxEvent outboxEvent, RenderedMessage rendered, CancellationToken cancellationToken)
    {
        // The inbox message and the "sent" mark commit together: in-app delivery is exactly once.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Inbox.AnyAsync(m => m.EventId == outboxEvent.EventId && m.RecipientId == row.RecipientId, cancellationToken))
        {
            db.Inbox.Add(new InboxMessage
            {
                RecipientId = row.RecipientId,
                EventId = outboxEvent.EventId,
                ComplaintNumber = outboxEvent.ComplaintNumber,
                EventType = outboxEvent.Type,
                Title = rendered.Subject ?? outboxEvent.ComplaintNumber,
                Body = rendered.Text,
                CreatedAt = outboxEvent.OccurredAt,
            });
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await MarkSentAsync(row.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSent(logger, row.EventId, row.Channel, row.Attempts + 1);
    }

    private Task<int> MarkSentAsync(long id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return db.Deliveries.Where(d => d.Id == id).ExecuteUpdateAsync(
            set => set.SetProperty(d => d.State, DeliveryState.Sent)
                .SetProperty(d => d.SentAt, now)
                .SetProperty(d => d.LeasedUntil, (DateTimeOffset?)null)
                .SetProperty(d => d.LastError, (string?)null),
            cancellationToken);
    }

    private async Task RecordFailureAsync(NotificationDelivery row, int attempts, Exception exception, CancellationToken cancellationToken)
    {
        var error = FailureDescription.Of(exception);
        var giveUp = attempts >= _settings.MaxAttempts || FailureDescription.IsPermanent(exception);
        var state = giveUp ? DeliveryState.Failed : DeliveryState.Pending;
        var next = time.GetUtcNow() + Backoff.After(attempts, _settings.RetryBase, _settings.RetryMax, Random.Shared.NextDouble());
        await db.Deliveries.Where(d => d.Id == row.Id).ExecuteUpdateAsync(
            set => set.SetProperty(d => d.State, state)
                .SetProperty(d => d.NextAttemptAt, next)
                .SetProperty(d => d.LeasedUntil, (DateTimeOffset?)null)
                .SetProperty(d => d.LastError, error),
            cancellationToken);
        if (giveUp)
        {
            LogGaveUp(logger, row.EventId, row.Channel, attempts, error);
        }
        else
        {
            LogWillRetry(logger, row.EventId, row.Channel, attempts, error, next);
        }
    }

    private async Task SettleAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        var rows = await db.Deliveries.AsNoTracking().Where(d => d.EventId == outboxEvent.EventId).ToListAsync(cancellationToken);
        await ReportAsync(outboxEvent, rows.Where(r => !r.Reported && r.State is DeliveryState.Sent or DeliveryState.Failed).ToList(), cancellationToken);
        // A failed attempt is reported every round until the message settles; sinks ignore the repeats, and the row
        // needs no mark of its own, so a crash between the failure and its report loses nothing.
        await ReportRetryingAsync(outboxEvent, rows.Where(r => r.State == DeliveryState.Pending && r.LastError is not null).ToList(), cancellationToken);

        var open = rows.Where(r => r.State is DeliveryState.Pending or DeliveryState.Sending).ToList();
        if (open.Count == 0)
        {
            await source.CompleteAsync(Consumer, outboxEvent.EventId, cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        var due = open.Min(r => r.State == DeliveryState.Pending ? r.NextAttemptAt : r.LeasedUntil ?? now);
        await source.RetryLaterAsync(Consumer, outboxEvent.EventId, due > now ? due : now, $"{open.Count} channel(s) waiting to be sent", cancellationToken);
    }

    private async Task ReportAsync(OutboxEvent outboxEvent, List<NotificationDelivery> settled, CancellationToken cancellationToken)
    {
        var targets = sinks.ToList();
        if (settled.Count == 0 || targets.Count == 0)
        {
            return;
        }

        var statuses = settled.Select(r => new DeliveryStatus(
            r.EventId,
            outboxEvent.ComplaintNumber,
            r.Channel,
            r.State == DeliveryState.Sent ? DeliveryOutcome.Sent : DeliveryOutcome.Failed,
            r.Attempts,
            r.SentAt ?? r.NextAttemptAt,
            r.State == DeliveryState.Failed ? $"Failed after {r.Attempts} attempt(s): {r.LastError}" : null)).ToList();
        foreach (var sink in targets)
        {
            await sink.ReportAsync(statuses, cancellationToken);
        }

        var ids = settled.Select(r => r.Id).ToList();
        await db.Deliveries.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(set => set.SetProperty(d => d.Reported, true), cancellationToken);
    }

    private async Task ReportRetryingAsync(OutboxEvent outboxEvent, List<NotificationDelivery> waiting, CancellationToken cancellationToken)
    {
        if (waiting.Count == 0)
        {
            return;
        }

        var statuses = waiting.Select(r => new DeliveryStatus(
            r.EventId,
            outboxEvent.ComplaintNumber,
            r.Channel,
            DeliveryOutcome.Retrying,
            r.Attempts,
            time.GetUtcNow(),
            $"Attempt {r.Attempts} failed: {r.LastError}; next attempt at {r.NextAttemptAt:O}")).ToList();
        foreach (var sink in sinks)
        {
            await sink.ReportAsync(statuses, cancellationToken);
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Event {EventId}: {Channel} message sent on attempt {Attempt}")]
    private static partial void LogSent(ILogger logger, long eventId, string channel, int attempt);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Event {EventId}: {Channel} attempt {Attempt} failed ({Error}); next attempt at {NextAttemptAt}")]
    private static partial void LogWillRetry(ILogger logger, long eventId, string channel, int attempt, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Event {EventId}: {Channel} message given up after {Attempts} attempt(s) ({Error})")]
    private static partial void LogGaveUp(ILogger logger, long eventId, string channel, int attempts, string error);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Event {EventId} of type {EventType} needs no message (recipient missing: {RecipientMissing})")]
    private static partial void LogNothingToSend(ILogger logger, long eventId, string eventType, bool recipientMissing);
}
