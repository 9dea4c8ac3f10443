using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Redress.Notifications.Data;

/// <summary>The states of one (event, channel) message.</summary>
internal static class DeliveryState
{
    /// <summary>Not sent yet; due at <see cref="NotificationDelivery.NextAttemptAt"/>.</summary>
    public const string Pending = "pending";

    /// <summary>A worker holds it until <see cref="NotificationDelivery.LeasedUntil"/> while it sends.</summary>
    public const string Sending = "sending";

    public const string Sent = "sent";

    /// <summary>Given up after the last attempt.</summary>
    public const string Failed = "failed";
}

/// <summary>
/// One message of one event on one channel to one recipient. The unique (EventId, RecipientId, Channel) index is what
/// makes "at most once per event, channel and recipient" hold across instances: a second worker can neither create a second row nor lease a row
/// another worker holds.
/// </summary>
internal sealed class NotificationDelivery
{
    public long Id { get; init; }

    public required long EventId { get; init; }

    public required string Channel { get; init; }

    public required string ComplaintNumber { get; init; }

    public required Guid RecipientId { get; init; }

    public required string State { get; set; }

    public int Attempts { get; set; }

    public required DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? LeasedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Deterministic per (event, channel), so a resend after a crash carries the same id.</summary>
    public required string MessageId { get; init; }

    /// <summary>Exception type or server status of the last failure; never an address or message text.</summary>
    public string? LastError { get; set; }

    /// <summary>Whether the final state was reported to the timeline.</summary>
    public bool Reported { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }
}

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> delivery)
    {
        delivery.ToTable("notification_deliveries");
        delivery.HasKey(d => d.Id);
        delivery.Property(d => d.Channel).HasMaxLength(16);
        delivery.Property(d => d.ComplaintNumber).HasMaxLength(32);
        delivery.Property(d => d.State).HasMaxLength(16);
        delivery.Property(d => d.MessageId).HasMaxLength(200);
        delivery.Property(d => d.LastError).HasMaxLength(500);
        delivery.HasIndex(d => new { d.EventId, d.RecipientId, d.Channel }).IsUnique();
        // Operators' view of what is stuck: pending or failed rows by due time.
        delivery.HasIndex(d => new { d.State, d.NextAttemptAt });
    }
}
