using Microsoft.EntityFrameworkCore;
using Redress.SharedKernel.Persistence;

namespace Redress.Wallet.Data;

/// <summary>The wallet module's tables. Public only so that handlers can take it; its sets stay internal.</summary>
public sealed class WalletDbContext(DbContextOptions<WalletDbContext> options) : DbContext(options)
{
    internal DbSet<WalletAccount> Accounts => Set<WalletAccount>();

    internal DbSet<FundingSource> FundingSources => Set<FundingSource>();

    internal DbSet<WalletTransaction> Transactions => Set<WalletTransaction>();

    internal DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();

    internal DbSet<Posting> Postings => Set<Posting>();

    internal DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    internal DbSet<StaffLedgerOperation> StaffOperations => Set<StaffLedgerOperation>();

    internal DbSet<StaffLedgerAuditEntry> StaffAudit => Set<StaffLedgerAuditEntry>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The staff ledger audit trail is append-only: a change to a saved entry is a programming error.</summary>
    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<StaffLedgerAuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Staff ledger audit entries are append-only.");
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WalletDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyProviderConventions(Database);
}
