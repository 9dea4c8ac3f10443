using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Redress.Wallet.Data;

internal sealed class StaffLedgerOperationConfiguration : IEntityTypeConfiguration<StaffLedgerOperation>
{
    public void Configure(EntityTypeBuilder<StaffLedgerOperation> operation)
    {
        operation.ToTable("staff_ledger_operations", t => t.HasCheckConstraint("ck_staff_ledger_operations_amount_positive", "\"AmountMinor\" > 0"));
        operation.HasKey(o => o.Id);
        operation.Property(o => o.Id).ValueGeneratedOnAdd();
        operation.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
        operation.Property(o => o.State).HasConversion<string>().HasMaxLength(16);
        operation.Property(o => o.TransactionReference).HasMaxLength(TransactionReference.MaxLength);
        operation.Property(o => o.Currency).HasMaxLength(3).IsFixedLength();
        operation.Property(o => o.Reason).HasMaxLength(WalletTransactionConfiguration.DescriptionMaxLength);
        operation.Property(o => o.IdempotencyKey).HasMaxLength(IdempotencyRecordConfiguration.KeyMaxLength);
        operation.Property(o => o.RequestHash).HasMaxLength(64).IsFixedLength();
        operation.Property(o => o.RejectionReason).HasMaxLength(WalletTransactionConfiguration.DescriptionMaxLength);
        operation.Property(o => o.LedgerReference).HasMaxLength(TransactionReference.MaxLength);
        operation.Property(o => o.FailureCode).HasMaxLength(64);
        operation.Ignore(o => o.LedgerKey);
        operation.HasOne<WalletAccount>().WithMany().HasForeignKey(o => o.AccountId).OnDelete(DeleteBehavior.Restrict);
        // Two submits with one key collide here, so a double submit proposes once.
        operation.HasIndex(o => o.IdempotencyKey).IsUnique();
        // The supervisors' list by state, newest first, keyset on Id.
        operation.HasIndex(o => new { o.State, o.Id });
    }
}

internal sealed class StaffLedgerAuditEntryConfiguration : IEntityTypeConfiguration<StaffLedgerAuditEntry>
{
    public void Configure(EntityTypeBuilder<StaffLedgerAuditEntry> entry)
    {
        entry.ToTable("staff_ledger_audit");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedOnAdd();
        entry.Property(e => e.Step).HasConversion<string>().HasMaxLength(16);
        entry.Property(e => e.Data).HasMaxLength(2048);
        entry.HasOne<StaffLedgerOperation>().WithMany().HasForeignKey(e => e.OperationId).OnDelete(DeleteBehavior.Restrict);
        // An operation's trail in order.
        entry.HasIndex(e => new { e.OperationId, e.Id });
    }
}
