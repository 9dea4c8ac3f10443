using Microsoft.EntityFrameworkCore;

namespace Redress.SharedKernel.Outbox;

/// <summary>
/// One consumer's delivery of one event. The producer adds a row per consumer in the same transaction as the
/// event, so the row exists exactly when the event does; <see cref="DeliveryClaims"/> claims and settles it.
/// Map it into the producer's DbContext with <see cref="OutboxDeliveryModel.MapOutboxDeliveries"/>.
/// </summary>
public sealed class OutboxDelivery
{
    public long Id { get; init; }

    public required string Consumer { get; init; }

    public required long EventId { get; init; }

    /// <summary>Not claimable before this instant; moved forward by a retry.</summary>
    public required DateTimeOffset AvailableAt { get; set; }

    /// <summary>Held by a claimer until this instant; after it, another claimer may take the row (crash recovery).</summary>
    public DateTimeOffset? LeasedUntil { get; set; }

    /// <summary>How many times the row has been claimed.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The reason given with the last retry; for operators, never personal data.</summary>
    public string? LastReason { get; set; }

    public static OutboxDelivery For(string consumer, long eventId, DateTimeOffset availableAt) =>
        new() { Consumer = consumer, EventId = eventId, AvailableAt = availableAt };
}

public static class OutboxDeliveryModel
{
    public const int ConsumerMaxLength = 64;
    public const int ReasonMaxLength = 500;

    /// <summary>Maps delivery rows to <paramref name="table"/> with the indexes the claim query needs.</summary>
    public static ModelBuilder MapOutboxDeliveries(this ModelBuilder modelBuilder, string table)
    {
        var delivery = modelBuilder.Entity<OutboxDelivery>();
        delivery.ToTable(table);
        delivery.HasKey(d => d.Id);
        delivery.Property(d => d.Consumer).HasMaxLength(ConsumerMaxLength);
        delivery.Property(d => d.LastReason).HasMaxLength(ReasonMaxLength);
        delivery.HasIndex(d => new { d.Consumer, d.EventId }).IsUnique();
        // Serves the claim: open rows of one consumer that are due.
        delivery.HasIndex(d => new { d.Consumer, d.CompletedAt, d.AvailableAt });
        return modelBuilder;
    }
}
