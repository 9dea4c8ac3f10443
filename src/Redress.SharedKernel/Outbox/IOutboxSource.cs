namespace Redress.SharedKernel.Outbox;

/// <summary>
/// The complaint timeline seen as an outbox by one consumer. The producer writes one delivery row per
/// consumer in the same transaction as the timeline event; consumers claim rows, and complete them or put
/// them back for later. Delivery is at least once: a claim whose lease runs out (the claimer crashed) is
/// claimed again, so consumers must be idempotent per event. See docs/adr/0010-timeline-outbox-delivery.md.
/// </summary>
public interface IOutboxSource
{
    /// <summary>
    /// Claims up to <paramref name="max"/> events that are due for <paramref name="consumer"/> and not held by
    /// another claimer, holding them for <paramref name="lease"/>. Safe to call from several instances at once:
    /// no two concurrent claimers receive the same event.
    /// </summary>
    Task<IReadOnlyList<OutboxEvent>> ClaimAsync(string consumer, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks the event done for this consumer; it is never claimed by it again.</summary>
    Task CompleteAsync(string consumer, long eventId, CancellationToken cancellationToken);

    /// <summary>
    /// Releases the claim; the event becomes claimable again at <paramref name="notBefore"/>. The reason is for
    /// operators and never carries personal data.
    /// </summary>
    Task RetryLaterAsync(string consumer, long eventId, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken);
}
