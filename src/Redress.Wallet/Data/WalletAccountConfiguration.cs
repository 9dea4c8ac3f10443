using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Redress.Wallet.Data;

internal sealed class WalletAccountConfiguration : IEntityTypeConfiguration<WalletAccount>
{
    public void Configure(EntityTypeBuilder<WalletAccount> account)
    {
        account.ToTable("wallet_accounts");
        account.HasKey(a => a.Id);
        account.Property(a => a.Id).ValueGeneratedNever();
        account.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
        account.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        account.Property(a => a.Currency).HasMaxLength(3).IsFixedLength();
        account.Ignore(a => a.Balance);
        // One wallet per customer and currency; system accounts are unique by kind and currency through their derived ids.
        account.HasIndex(a => new { a.CustomerId, a.Currency }).IsUnique();
        account.HasMany(a => a.FundingSources).WithOne().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Restrict);
        account.Navigation(a => a.FundingSources).UsePropertyAccessMode(PropertyAccessMode.Field);
        account.ToTable(t => t.HasCheckConstraint("ck_wallet_accounts_balance_not_negative", "\"BalanceMinor\" >= 0"));
    }
}

internal sealed class FundingSourceConfiguration : IEntityTypeConfiguration<FundingSource>
{
    public void Configure(EntityTypeBuilder<FundingSource> source)
    {
        source.ToTable("funding_sources", t => t.HasCheckConstraint("ck_funding_sources_last_four", "length(\"LastFour\") = 4"));
        source.HasKey(s => s.Id);
        source.Property(s => s.Id).ValueGeneratedNever();
        source.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        source.Property(s => s.Issuer).HasMaxLength(64);
        source.Property(s => s.LastFour).HasMaxLength(4).IsFixedLength();
    }
}
