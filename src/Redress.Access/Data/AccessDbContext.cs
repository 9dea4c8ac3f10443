using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Redress.SharedKernel.Persistence;

namespace Redress.Access.Data;

internal sealed class AccessDbContext(DbContextOptions<AccessDbContext> options)
    : IdentityDbContext<RedressUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The key ring that protects sign-in cookies and bearer tokens, kept in the database so that every app
    /// instance on one database accepts what another issued, and restarts do not sign everyone out.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<RedressUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.Jurisdiction).HasMaxLength(8);
            user.Property(u => u.PreferredCulture).HasMaxLength(16);
        });

        // Roles are part of the product, not demo data: every database has them from its first migration.
        builder.Entity<IdentityRole<Guid>>().HasData(RoleSeed.Roles);
        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyProviderConventions(Database);
}
