using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Redress.Notifications.Data;

/// <summary>A message in a user's in-app inbox.</summary>
internal sealed class InboxMessage
{
    public long Id { get; init; }

    public required Guid RecipientId { get; init; }

    public required long EventId { get; init; }

    public required string ComplaintNumber { get; init; }

    public required string EventType { get; init; }

    public required string Title { get; init; }

    public required string Body { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReadAt { get; set; }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> message)
    {
        message.ToTable("inbox_messages");
        message.HasKey(m => m.Id);
        message.Property(m => m.ComplaintNumber).HasMaxLength(32);
        message.Property(m => m.EventType).HasMaxLength(64);
        // Serves the inbox list (keyset on Id descending).
        message.HasIndex(m => new { m.RecipientId, m.Id });
        // The unread count runs on every page a signed-in user opens: it seeks to the user's unread rows
        // (ReadAt null) instead of walking their whole history.
        message.HasIndex(m => new { m.RecipientId, m.ReadAt });
        message.HasIndex(m => new { m.EventId, m.RecipientId }).IsUnique();
    }
}
