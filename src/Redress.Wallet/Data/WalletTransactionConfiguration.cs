using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Redress.Wallet.Data;

internal sealed class WalletTransactionConfiguration : IEntityTypeConfiguration<WalletTransaction>
{
    public const int CounterpartyMaxLength = 128;
    public const int DescriptionMaxLength = 256;
    public const int FailureReasonMaxLength = 256;

    public void Configure(EntityTypeBuilder<WalletTransaction> transaction)
    {
        transaction.ToTable("wallet_transactions", t => t.HasCheckConstraint("ck_wallet_transactions_amount_positive", "\"AmountMinor\" > 0"));
        transaction.HasKey(t => t.Id);
        transaction.Property(t => t.Id).ValueGeneratedOnAdd();
        transaction.Property(t => t.Reference).HasMaxLength(TransactionReference.MaxLength);
        transaction.HasIndex(t => t.Reference).IsUnique();
        transaction.Property(t => t.Type).HasConversion<string>().HasMaxLength(16);
        transaction.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        transaction.Property(t => t.Direction).HasConversion<string>().HasMaxLength(8);
        transaction.Property(t => t.Currency).HasMaxLength(3).IsFixedLength();
        transaction.Property(t => t.Counterparty).HasMaxLength(CounterpartyMaxLength);
        transaction.Property(t => t.Description).HasMaxLength(DescriptionMaxLength);
        transaction.Property(t => t.FailureReason).HasMaxLength(FailureReasonMaxLength);
        transaction.Property(t => t.OriginalReference).HasMaxLength(TransactionReference.MaxLength);
        transaction.Ignore(t => t.Amount);
        transaction.Ignore(t => t.WalletDelta);
        transaction.HasOne<WalletAccount>().WithMany().HasForeignKey(t => t.AccountId).OnDelete(DeleteBehavior.Restrict);
        transaction.HasOne(t => t.Original).WithMany().HasForeignKey(t => t.OriginalTransactionId).OnDelete(DeleteBehavior.Restrict);
        transaction.HasOne<FundingSource>().WithMany().HasForeignKey(t => t.FundingSourceId).OnDelete(DeleteBehavior.Restrict);

        // History newest first within a time window, keyset on (CreatedAt, Id): serves every wallet list and filter.
        transaction.HasIndex(t => new { t.AccountId, t.CreatedAt, t.Id });
        // Refund totals of an original are summed under the wallet's lock.
        transaction.HasIndex(t => t.OriginalTransactionId);
    }
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> entry)
    {
        entry.ToTable("journal_entries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).ValueGeneratedNever();
        entry.HasMany(e => e.Postings).WithOne().HasForeignKey(p => p.EntryId).OnDelete(DeleteBehavior.Restrict);
        entry.Navigation(e => e.Postings).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PostingConfiguration : IEntityTypeConfiguration<Posting>
{
    public void Configure(EntityTypeBuilder<Posting> posting)
    {
        posting.ToTable("postings", t => t.HasCheckConstraint("ck_postings_amount_not_zero", "\"AmountMinor\" <> 0"));
        posting.HasKey(p => p.Id);
        posting.Property(p => p.Id).ValueGeneratedNever();
        posting.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        posting.HasOne(p => p.Transaction).WithMany().HasForeignKey(p => p.TransactionId).OnDelete(DeleteBehavior.Restrict);
        posting.HasOne<WalletAccount>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Restrict);
        // Balance audits sum an account's postings.
        posting.HasIndex(p => new { p.AccountId, p.AmountMinor });
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public const int KeyMaxLength = 128;

    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.ToTable("idempotency_keys");
        // The key is the primary key: two concurrent writers with one key collide here and only one commits.
        record.HasKey(r => r.Key);
        record.Property(r => r.Key).HasMaxLength(KeyMaxLength);
        record.Property(r => r.Operation).HasMaxLength(32);
        record.Property(r => r.RequestHash).HasMaxLength(64).IsFixedLength();
        record.HasOne(r => r.Transaction).WithMany().HasForeignKey(r => r.TransactionId).OnDelete(DeleteBehavior.Restrict);
        record.HasOne<WalletAccount>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
