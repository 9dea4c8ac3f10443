using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Redress.Complaints.Data;

internal sealed class RemedyConfiguration : IEntityTypeConfiguration<Remedy>
{
    public const int ReasonMaxLength = 500;

    public void Configure(EntityTypeBuilder<Remedy> remedy)
    {
        remedy.ToTable("remedies");
        remedy.HasKey(r => r.Id);
        remedy.Property(r => r.Id).ValueGeneratedNever();
        remedy.Property(r => r.ComplaintNumber).HasMaxLength(9);
        remedy.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        remedy.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        remedy.Property(r => r.Currency).HasMaxLength(3);
        remedy.Property(r => r.TransactionReference).HasMaxLength(ComplaintConfiguration.TransactionReferenceMaxLength);
        remedy.Property(r => r.Reason).HasMaxLength(ReasonMaxLength);
        remedy.Property(r => r.LedgerReference).HasMaxLength(64);
        remedy.Property(r => r.FailureCode).HasMaxLength(64);
        remedy.Property(r => r.Rule).HasMaxLength(32);
        remedy.Property(r => r.Explanation).HasMaxLength(2000);
        remedy.Property(r => r.ReversalReference).HasMaxLength(64);
        remedy.Property(r => r.Version).IsConcurrencyToken();
        remedy.Ignore(r => r.Amount);
        remedy.HasOne<Complaint>().WithMany().HasForeignKey(r => r.ComplaintId).OnDelete(DeleteBehavior.Restrict);
        remedy.HasIndex(r => new { r.ComplaintId, r.ProposedAt });
        // The worker looks for remedies left executing by a crash.
        remedy.HasIndex(r => new { r.Status, r.RequestedAt });
    }
}
