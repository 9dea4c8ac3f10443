using Microsoft.EntityFrameworkCore;
using Redress.SharedKernel.Outbox;
using Redress.SharedKernel.Persistence;

namespace Redress.Complaints.Data;

/// <summary>The complaints module's tables. Public only so that handlers can take it; its sets stay internal.</summary>
public sealed class ComplaintsDbContext(DbContextOptions<ComplaintsDbContext> options) : DbContext(options)
{
    internal DbSet<Complaint> Complaints => Set<Complaint>();

    internal DbSet<TimelineEvent> TimelineEvents => Set<TimelineEvent>();

    internal DbSet<ComplaintMessage> Messages => Set<ComplaintMessage>();

    internal DbSet<ComplaintAttachment> Attachments => Set<ComplaintAttachment>();

    internal DbSet<PersonalDataSalt> PersonalDataSalts => Set<PersonalDataSalt>();

    internal DbSet<AgentSkill> AgentSkills => Set<AgentSkill>();

    internal DbSet<Remedy> Remedies => Set<Remedy>();

    internal DbSet<OutboxDelivery> OutboxDeliveries => Set<OutboxDelivery>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapOutboxDeliveries("outbox_deliveries");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ComplaintsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyProviderConventions(Database);
}
