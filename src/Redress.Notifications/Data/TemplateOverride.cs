using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Redress.Notifications.Templates;

namespace Redress.Notifications.Data;

/// <summary>A template as staff edited it; where none is stored, the shipped default applies.</summary>
internal sealed class TemplateOverride
{
    public required string EventType { get; init; }

    public required string Channel { get; init; }

    public required string Culture { get; init; }

    /// <summary>Email subject or in-app title; null for SMS.</summary>
    public string? Subject { get; set; }

    public required string Body { get; set; }

    public required DateTimeOffset UpdatedAt { get; set; }

    public required Guid UpdatedBy { get; set; }
}

internal sealed class TemplateOverrideConfiguration : IEntityTypeConfiguration<TemplateOverride>
{
    public void Configure(EntityTypeBuilder<TemplateOverride> template)
    {
        template.ToTable("notification_templates");
        template.HasKey(t => new { t.EventType, t.Channel, t.Culture });
        template.Property(t => t.EventType).HasMaxLength(64);
        template.Property(t => t.Channel).HasMaxLength(16);
        template.Property(t => t.Culture).HasMaxLength(16);
        template.Property(t => t.Subject).HasMaxLength(TemplateLimits.SubjectMaxLength);
        template.Property(t => t.Body).HasMaxLength(TemplateLimits.BodyMaxLength);
    }
}
