using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Redress.Complaints.Data;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public const int DescriptionMaxLength = 4000;
    public const int DesiredOutcomeMaxLength = 1000;
    public const int TransactionReferenceMaxLength = 64;

    public const string SlaScheduleTable = "complaint_sla_schedule";

    /// <summary>The schedule's key and foreign key: the complaint's id, named as the complaint's own key.</summary>
    public const string SlaScheduleKey = "Id";

    public void Configure(EntityTypeBuilder<Complaint> complaint)
    {
        // fillfactor 85 leaves room on each page so that an update touching no indexed column (the SLA sweep's
        // Version/UpdatedAt bump) is HOT and writes no index entries (ADR 18); the option is PostgreSQL's only.
        complaint.ToTable("complaints").HasStorageParameter("fillfactor", 85);

        // The SLA schedule lives in its own narrow table (ADR 18): the sweep rewrites it for every due complaint, and
        // there each row update touches 3 indexes instead of all of complaints'. An owned type rather than entity
        // splitting, because splitting made EF point the other tables' foreign keys at the schedule table
        // (dotnet/efcore#29915) and cost complaints.Id its AUTOINCREMENT on SQLite (ADR 22).
        complaint.OwnsOne(c => c.Sla, sla =>
        {
            sla.ToTable(SlaScheduleTable);
            sla.WithOwner().HasForeignKey(SlaScheduleKey);
            sla.HasKey(SlaScheduleKey);
            // The SLA monitor reads only complaints that are due, so a sweep costs what is due, not what is open.
            sla.HasIndex(s => s.NextSlaCheckAt);
            // The "at risk" list, soonest final deadline first, keyset-paged.
            sla.HasIndex(nameof(SlaSchedule.AtRisk), nameof(SlaSchedule.FinalDueAt), SlaScheduleKey);
        });
        complaint.Navigation(c => c.Sla).IsRequired();
        complaint.HasKey(c => c.Id);
        complaint.Property(c => c.Id).ValueGeneratedOnAdd();
        complaint.Property(c => c.Number).HasMaxLength(9).IsRequired();
        complaint.HasIndex(c => c.Number).IsUnique();

        complaint.Property(c => c.Category).HasConversion<string>().HasMaxLength(32);
        complaint.Property(c => c.Channel).HasConversion<string>().HasMaxLength(32);
        complaint.Property(c => c.Stage).HasConversion<string>().HasMaxLength(32);
        complaint.Property(c => c.WaitingOn).HasConversion<string>().HasMaxLength(16);
        complaint.Property(c => c.Priority).HasConversion<string>().HasMaxLength(16);
        complaint.Property(c => c.Jurisdiction).HasMaxLength(8);
        complaint.Property(c => c.Culture).HasMaxLength(16);
        complaint.Property(c => c.Description).HasMaxLength(DescriptionMaxLength);
        complaint.Property(c => c.DesiredOutcome).HasMaxLength(DesiredOutcomeMaxLength);
        complaint.Property(c => c.TransactionReference).HasMaxLength(TransactionReferenceMaxLength);
        complaint.Property(c => c.Currency).HasMaxLength(3);
        complaint.Ignore(c => c.Amount);
        complaint.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
        complaint.Property(c => c.ClosureCode).HasConversion<string>().HasMaxLength(32);
        complaint.Property(c => c.MergedIntoNumber).HasMaxLength(9);
        complaint.Property(c => c.Version).IsConcurrencyToken();
        complaint.Property(c => c.DeadlinePolicy).HasMaxLength(64);
        complaint.Property(c => c.AutoDecision).HasConversion<string>().HasMaxLength(16);
        complaint.Property(c => c.AutoRule).HasMaxLength(32);

        complaint.HasMany(c => c.Timeline).WithOne().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        complaint.Navigation(c => c.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field);
        complaint.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        complaint.Navigation(c => c.Messages).UsePropertyAccessMode(PropertyAccessMode.Field);
        complaint.HasMany(c => c.Salts).WithOne().HasForeignKey(s => s.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        complaint.Navigation(c => c.Salts).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Keyset paging by id, newest first: one index per list the UI and API offer.
        complaint.HasIndex(c => new { c.CustomerId, c.Id });
        complaint.HasIndex(c => new { c.Stage, c.Category, c.Id });
        complaint.HasIndex(c => new { c.Category, c.Id });
        // Duplicate detection looks a customer's open complaints up by transaction.
        complaint.HasIndex(c => new { c.CustomerId, c.TransactionReference });
        // Staff queues: "mine" and "unassigned" by assignee (null for unassigned), the priority filter, and the load view.
        complaint.HasIndex(c => new { c.AssigneeId, c.Id });
        complaint.HasIndex(c => new { c.Priority, c.Id });
        // The automatic-resolution worker reads only complaints marked for a check, like the SLA monitor.
        complaint.HasIndex(c => c.AutoCheckDueAt);
        // Supervisors' queue of automatic decisions awaiting review, newest first, keyset-paged.
        complaint.HasIndex(c => new { c.AutoDecision, c.Id });
    }
}
