using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Redress.Complaints.Data;

internal sealed class TimelineEventConfiguration : IEntityTypeConfiguration<TimelineEvent>
{
    public void Configure(EntityTypeBuilder<TimelineEvent> timelineEvent)
    {
        timelineEvent.ToTable("timeline_events");
        timelineEvent.HasKey(e => e.Id);
        timelineEvent.Property(e => e.Id).ValueGeneratedOnAdd();
        timelineEvent.Property(e => e.Type).HasMaxLength(64);
        timelineEvent.Property(e => e.ActorRole).HasMaxLength(32);
        timelineEvent.Property(e => e.Visibility).HasConversion<string>().HasMaxLength(16);
        timelineEvent.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        timelineEvent.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        // One sequence per complaint: two writers appending the same step collide here instead of forking the chain.
        timelineEvent.HasIndex(e => new { e.ComplaintId, e.Sequence }).IsUnique();
        timelineEvent.HasMany(e => e.Deliveries).WithOne().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Restrict);
        timelineEvent.Navigation(e => e.Deliveries).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
