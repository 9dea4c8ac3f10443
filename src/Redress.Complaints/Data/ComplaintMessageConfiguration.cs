using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Redress.Complaints.Data;

internal sealed class ComplaintMessageConfiguration : IEntityTypeConfiguration<ComplaintMessage>
{
    public const int BodyMaxLength = 4000;

    public void Configure(EntityTypeBuilder<ComplaintMessage> message)
    {
        message.ToTable("complaint_messages");
        message.HasKey(m => m.Id);
        message.Property(m => m.Id).ValueGeneratedOnAdd();
        message.HasIndex(m => m.PublicId).IsUnique();
        message.Property(m => m.Kind).HasConversion<string>().HasMaxLength(32);
        message.Property(m => m.Visibility).HasConversion<string>().HasMaxLength(16);
        message.Property(m => m.AuthorRole).HasMaxLength(32);
        message.Property(m => m.Body).HasMaxLength(BodyMaxLength);
        message.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Restrict);
        message.Navigation(m => m.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        // The conversation of one complaint, keyset-paged by id.
        message.HasIndex(m => new { m.ComplaintId, m.Id });
    }
}

internal sealed class ComplaintAttachmentConfiguration : IEntityTypeConfiguration<ComplaintAttachment>
{
    public void Configure(EntityTypeBuilder<ComplaintAttachment> attachment)
    {
        attachment.ToTable("complaint_attachments");
        attachment.HasKey(a => a.Id);
        // Ids are drawn before the row is stored (they name the stored file), so a set id still means a new row.
        attachment.Property(a => a.Id).ValueGeneratedNever();
        attachment.Property(a => a.FileName).HasMaxLength(255);
        attachment.Property(a => a.ContentType).HasMaxLength(64);
        attachment.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        attachment.HasIndex(a => a.ComplaintId);
    }
}

internal sealed class PersonalDataSaltConfiguration : IEntityTypeConfiguration<PersonalDataSalt>
{
    public void Configure(EntityTypeBuilder<PersonalDataSalt> salt)
    {
        // Outside timeline_events on purpose (ADR 21): erasing an item deletes its row, and no entry's hash covers it.
        salt.ToTable("personal_data_salts");
        salt.HasKey(s => new { s.ComplaintId, s.Item });
        salt.Property(s => s.Item).HasMaxLength(64);
        salt.Property(s => s.Salt).HasMaxLength(PersonalDataSalt.SaltBytes);
    }
}

internal sealed class AgentSkillConfiguration : IEntityTypeConfiguration<AgentSkill>
{
    public void Configure(EntityTypeBuilder<AgentSkill> skill)
    {
        skill.ToTable("agent_skills");
        skill.HasKey(s => new { s.AgentId, s.Category });
        skill.Property(s => s.Category).HasConversion<string>().HasMaxLength(32);
        // Automatic assignment looks agents up by category.
        skill.HasIndex(s => new { s.Category, s.AgentId });
    }
}
