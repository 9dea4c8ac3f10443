using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Redress.SharedKernel.Outbox;
using Redress.SharedKernel.Persistence;

namespace Redress.Notifications.Tests;

/// <summary>A stand-in for the complaint timeline: events and their per-consumer delivery rows, as a producer would keep them.</summary>
public sealed class TestOutboxDbContext(DbContextOptions<TestOutboxDbContext> options) : DbContext(options)
{
    public DbSet<TestEvent> Events => Set<TestEvent>();

    public DbSet<OutboxDelivery> Deliveries => Set<OutboxDelivery>();

    /// <summary>Creates the two tables; the test outbox has no migrations of its own.</summary>
    public Task CreateTablesAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync(Database.GenerateCreateScript(), cancellationToken);

    /// <summary>Appends an event and its delivery row for the notifications consumer in one transaction, as the producer must.</summary>
    public async Task AppendAsync(TestEvent outboxEvent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Events.Add(outboxEvent);
        Deliveries.Add(OutboxDelivery.For("notifications", outboxEvent.Id, now));
        await SaveChangesAsync(cancellationToken);
        ChangeTracker.Clear();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TestEvent>(e =>
        {
            e.ToTable("test_events");
            e.Property(x => x.Id).ValueGeneratedNever();
        });
        modelBuilder.MapOutboxDeliveries("test_outbox_deliveries");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyProviderConventions(Database);
}

public sealed class TestEvent
{
    public long Id { get; init; }

    public required string ComplaintNumber { get; init; }

    public required Guid RecipientId { get; init; }

    public required RecipientKind RecipientKind { get; init; }

    public required string Type { get; init; }

    public required string Culture { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public string DataJson { get; init; } = "{}";
}

/// <summary>An <see cref="IOutboxSource"/> over the test tables, built on <see cref="DeliveryClaims"/> as the complaints module will be.</summary>
public sealed class TestOutboxSource(TestOutboxDbContext db, TimeProvider time) : IOutboxSource
{
    private readonly DeliveryClaims _claims = new(db, time);

    public async Task<IReadOnlyList<OutboxEvent>> ClaimAsync(string consumer, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var claimed = await _claims.ClaimAsync(consumer, max, lease, cancellationToken);
        var ids = claimed.Select(c => c.EventId).ToList();
        var events = await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return [.. events.Select(e => new OutboxEvent(
            e.Id,
            e.ComplaintNumber,
            e.RecipientId,
            e.RecipientKind,
            e.Type,
            e.Culture,
            e.OccurredAt,
            JsonSerializer.Deserialize<Dictionary<string, string>>(e.DataJson)!))];
    }

    public Task CompleteAsync(string consumer, long eventId, CancellationToken cancellationToken) =>
        _claims.CompleteAsync(consumer, eventId, cancellationToken);

    public Task RetryLaterAsync(string consumer, long eventId, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken) =>
        _claims.RetryLaterAsync(consumer, eventId, notBefore, reason, cancellationToken);
}
