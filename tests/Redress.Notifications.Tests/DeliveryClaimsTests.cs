using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Redress.SharedKernel.Outbox;
using Redress.SharedKernel.Persistence;

namespace Redress.Notifications.Tests;

public abstract class DeliveryClaimsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Consumer = "notifications";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = NewContext();
        await db.CreateTablesAsync(_ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Concurrent_claimers_never_receive_the_same_event()
    {
        await using (var db = NewContext())
        {
            for (var id = 1; id <= 200; id++)
            {
                db.Events.Add(Event(id));
                db.Deliveries.Add(OutboxDelivery.For(Consumer, id, _time.GetUtcNow()));
            }

            await db.SaveChangesAsync(_ct);
        }

        var claimers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var mine = new List<long>();
            while (true)
            {
                await using var db = NewContext();
                var claimed = await new DeliveryClaims(db, _time).ClaimAsync(Consumer, 7, TimeSpan.FromMinutes(5), _ct);
                if (claimed.Count == 0)
                {
                    return mine;
                }

                mine.AddRange(claimed.Select(c => c.EventId));
            }
        }, _ct)).ToList();
        var all = (await Task.WhenAll(claimers)).SelectMany(ids => ids).ToList();

        Assert.Equal(200, all.Count);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), all.Order());
    }

    [Fact]
    public async Task A_claim_whose_lease_ran_out_is_claimed_again_and_a_completed_one_never()
    {
        await using var db = NewContext();
        await db.AppendAsync(Event(1), _time.GetUtcNow(), _ct);
        await db.AppendAsync(Event(2), _time.GetUtcNow(), _ct);
        var claims = new DeliveryClaims(db, _time);

        Assert.Equal([1L, 2L], (await claims.ClaimAsync(Consumer, 10, TimeSpan.FromMinutes(1), _ct)).Select(c => c.EventId));
        Assert.True(await claims.CompleteAsync(Consumer, 2, _ct));
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(await claims.ClaimAsync(Consumer, 10, TimeSpan.FromMinutes(1), _ct));

        // The claimer of event 1 "crashed": once its lease is over, another takes the event, and it is counted.
        _time.Advance(TimeSpan.FromSeconds(1));
        var again = Assert.Single(await claims.ClaimAsync(Consumer, 10, TimeSpan.FromMinutes(1), _ct));
        Assert.Equal(new ClaimedDelivery(1, 2), again);
    }

    [Fact]
    public async Task A_retried_event_waits_until_its_time_and_keeps_the_reason()
    {
        await using var db = NewContext();
        await db.AppendAsync(Event(1), _time.GetUtcNow(), _ct);
        var claims = new DeliveryClaims(db, _time);
        Assert.Single(await claims.ClaimAsync(Consumer, 10, TimeSpan.FromMinutes(5), _ct));

        Assert.True(await claims.RetryLaterAsync(Consumer, 1, _time.GetUtcNow().AddMinutes(10), "SMTP 421", _ct));

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Empty(await claims.ClaimAsync(Consumer, 10, TimeSpan.FromMinutes(5), _ct));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(await claims.ClaimAsync(Consumer, 10, TimeSpan.FromMinutes(5), _ct));
        Assert.Equal("SMTP 421", (await db.Deliveries.AsNoTracking().SingleAsync(_ct)).LastReason);
    }

    [Fact]
    public async Task Claims_of_one_consumer_leave_another_consumers_rows_alone()
    {
        await using var db = NewContext();
        db.Events.Add(Event(1));
        db.Deliveries.Add(OutboxDelivery.For("search-index", 1, _time.GetUtcNow()));
        await db.SaveChangesAsync(_ct);

        Assert.Empty(await new DeliveryClaims(db, _time).ClaimAsync(Consumer, 10, TimeSpan.FromMinutes(5), _ct));
        Assert.Single(await new DeliveryClaims(db, _time).ClaimAsync("search-index", 10, TimeSpan.FromMinutes(5), _ct));
    }

    protected TestOutboxDbContext NewContext() =>
        new(new DbContextOptionsBuilder<TestOutboxDbContext>().UseRedressDatabase(_database.Settings, "test").Options);

    protected TestEvent Event(long id) => new()
    {
        Id = id,
        ComplaintNumber = $"C-{id}",
        RecipientId = Guid.NewGuid(),
        RecipientKind = RecipientKind.Customer,
        Type = OutboxEventTypes.Acknowledged,
        Culture = "zh-CN",
        OccurredAt = _time.GetUtcNow(),
    };
}

public sealed class DeliveryClaimsOnSqlite() : DeliveryClaimsTests(DatabaseProvider.Sqlite);

public sealed class DeliveryClaimsOnPostgres() : DeliveryClaimsTests(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task An_event_committed_after_a_later_one_is_still_claimed()
    {
        var now = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        await using var slow = NewContext();
        await using var fast = NewContext();
        await using var consumer = NewContext();
        var claims = new DeliveryClaims(consumer, new FakeTimeProvider(now));

        // The slow transaction takes the lower delivery id first but commits last.
        await using var slowTransaction = await slow.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await slow.AppendAsync(Event(1), now, TestContext.Current.CancellationToken);
        await fast.AppendAsync(Event(2), now, TestContext.Current.CancellationToken);
        var slowId = await slow.Deliveries.Where(d => d.EventId == 1).Select(d => d.Id).SingleAsync(TestContext.Current.CancellationToken);
        var fastId = await fast.Deliveries.Where(d => d.EventId == 2).Select(d => d.Id).SingleAsync(TestContext.Current.CancellationToken);
        Assert.True(slowId < fastId);

        Assert.Equal([2L], (await claims.ClaimAsync("notifications", 10, TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken)).Select(c => c.EventId));
        await slowTransaction.CommitAsync(TestContext.Current.CancellationToken);

        // A reader of "everything after the last id seen" would never look at id 1 again; the claim does.
        Assert.Equal([1L], (await claims.ClaimAsync("notifications", 10, TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken)).Select(c => c.EventId));
    }

    [Fact]
    public async Task A_row_locked_by_one_claimer_is_skipped_by_another_without_waiting()
    {
        var now = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(now);
        await using (var db = NewContext())
        {
            await db.AppendAsync(Event(1), now, TestContext.Current.CancellationToken);
            await db.AppendAsync(Event(2), now, TestContext.Current.CancellationToken);
        }

        await using var first = NewContext();
        await using var second = NewContext();
        await using var transaction = await first.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        var firstClaim = await new DeliveryClaims(first, time).ClaimAsync("notifications", 1, TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);

        // The first claim is not committed yet; the second claimer neither blocks nor takes the same row.
        var secondClaim = await new DeliveryClaims(second, time).ClaimAsync("notifications", 10, TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await transaction.CommitAsync(TestContext.Current.CancellationToken);

        Assert.Equal([1L], firstClaim.Select(c => c.EventId));
        Assert.Equal([2L], secondClaim.Select(c => c.EventId));
    }
}
