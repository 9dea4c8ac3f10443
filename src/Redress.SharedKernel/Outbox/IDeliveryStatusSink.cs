namespace Redress.SharedKernel.Outbox;

/// <summary>How a message ended for one event and channel, or that an attempt failed and another will follow.</summary>
public enum DeliveryOutcome
{
    Sent,
    Failed,

    /// <summary>An attempt failed and the message waits for its next try; reported while it waits, so staff see an outage before it settles.</summary>
    Retrying,
}

/// <summary>
/// What became of one event's message on one channel ("email", "sms", "inapp").
/// <paramref name="Detail"/> is for staff reading the timeline and never carries an address or phone number.
/// </summary>
public sealed record DeliveryStatus(long EventId, string ComplaintNumber, string Channel, DeliveryOutcome Outcome, int Attempts, DateTimeOffset At, string? Detail);

/// <summary>
/// Where a consumer reports delivery results so that the complaint timeline can show them. Reports are at least
/// once (a crash after reporting and before the consumer records that it reported repeats the report), so an
/// implementation ignores a repeat of the same (event, channel, outcome). Entries it appends to the timeline
/// must not themselves produce notifications.
/// </summary>
public interface IDeliveryStatusSink
{
    Task ReportAsync(IReadOnlyList<DeliveryStatus> statuses, CancellationToken cancellationToken);
}
