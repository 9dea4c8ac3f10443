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

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WalletDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyProviderConventions(Database);
}
