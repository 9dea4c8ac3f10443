using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Redress.SharedKernel.Persistence;

namespace Redress.Calendars.Data;

/// <summary>Calendar data in force. Public only so handlers can take it; its sets stay internal.</summary>
public sealed class CalendarsDbContext(DbContextOptions<CalendarsDbContext> options) : DbContext(options)
{
    internal DbSet<StoredCalendarYear> Years => Set<StoredCalendarYear>();

    internal DbSet<StoredCalendarDay> Days => Set<StoredCalendarDay>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new StoredCalendarYearConfiguration());
        modelBuilder.ApplyConfiguration(new StoredCalendarDayConfiguration());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyProviderConventions(Database);
}

/// <summary>A jurisdiction-year in force: where it came from and who loaded it.</summary>
internal sealed class StoredCalendarYear
{
    public required string Jurisdiction { get; init; }

    public required int Year { get; init; }

    /// <summary>"shipped" for the files that come with Redress, else the file name a compliance officer loaded.</summary>
    public required string Source { get; set; }

    public required DateTimeOffset LoadedAt { get; set; }

    public Guid? LoadedBy { get; set; }

    public required int DayCount { get; set; }
}

internal sealed class StoredCalendarDay
{
    public long Id { get; init; }

    public required string Jurisdiction { get; init; }

    public required int Year { get; init; }

    public required DateOnly Date { get; init; }

    public required string Kind { get; init; }

    public required string Name { get; init; }
}

internal sealed class StoredCalendarYearConfiguration : IEntityTypeConfiguration<StoredCalendarYear>
{
    public void Configure(EntityTypeBuilder<StoredCalendarYear> year)
    {
        year.ToTable("calendar_years");
        year.HasKey(y => new { y.Jurisdiction, y.Year });
        year.Property(y => y.Jurisdiction).HasMaxLength(8);
        year.Property(y => y.Source).HasMaxLength(200);
    }
}

internal sealed class StoredCalendarDayConfiguration : IEntityTypeConfiguration<StoredCalendarDay>
{
    public void Configure(EntityTypeBuilder<StoredCalendarDay> day)
    {
        day.ToTable("calendar_days");
        day.HasKey(d => d.Id);
        day.Property(d => d.Jurisdiction).HasMaxLength(8);
        day.Property(d => d.Kind).HasMaxLength(16);
        day.Property(d => d.Name).HasMaxLength(200);
        day.HasIndex(d => new { d.Jurisdiction, d.Date }).IsUnique();
        day.HasIndex(d => new { d.Jurisdiction, d.Year });
    }
}
