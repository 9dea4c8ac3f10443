using Microsoft.EntityFrameworkCore;
using Redress.SharedKernel.Persistence;

namespace Redress.Notifications.Data;

/// <summary>Template overrides, delivery records and the in-app inbox. Public only so handlers can take it; its sets stay internal.</summary>
public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    internal DbSet<TemplateOverride> Templates => Set<TemplateOverride>();

    internal DbSet<NotificationDelivery> Deliveries => Set<NotificationDelivery>();

    internal DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new TemplateOverrideConfiguration());
        modelBuilder.ApplyConfiguration(new NotificationDeliveryConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyProviderConventions(Database);
}
