using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Redress.Notifications.Data;
using Redress.SharedKernel.Outbox;
using Redress.SharedKernel.Persistence;

namespace Redress.Notifications.Tests;

/// <summary>Two application instances deliver from one PostgreSQL database at the same time.</summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly InProcessSmtpServer _smtp = new();
    private TestDatabase? _database;

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("REDRESS_TEST_POSTGRES") is null)
        {
            return;
        }

        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = new TestOutboxDbContext(new DbContextOptionsBuilder<TestOutboxDbContext>().UseRedressDatabase(_database.Settings, "test").Options);
        await db.CreateTablesAsync(_ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_event_and_channel_is_sent_exactly_once_when_two_instances_claim_concurrently()
    {
        TestDatabase.RequirePostgres();
        _smtp.Start();
        var directory = new FakeDirectory();
        var sink = new RecordingSink();
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Smtp:Security"] = "None",
            ["Notifications:BatchSize"] = "5",
        };
        await using var first = await NotificationsHost.StartAsync(_database!.Settings, TimeProvider.System, directory, sink, settings, _ct);
        await using var second = await NotificationsHost.StartAsync(_database.Settings, TimeProvider.System, directory, sink, settings, _ct);

        const int events = 60;
        await first.WithAsync(async (_, outbox) =>
        {
            for (var id = 1; id <= events; id++)
            {
                var person = directory.Add(culture: id % 2 == 0 ? "en" : "zh-CN");
                await outbox.AppendAsync(
                    new TestEvent
                    {
                        Id = id,
                        ComplaintNumber = $"C-{id}",
                        RecipientId = person.UserId,
                        RecipientKind = RecipientKind.Customer,
                        Type = OutboxEventTypes.Acknowledged,
                        Culture = person.Culture,
                        OccurredAt = TimeProvider.System.GetUtcNow(),
                        DataJson = JsonSerializer.Serialize(new Dictionary<string, string> { ["Deadline"] = "2026-12-16" }),
                    },
                    TimeProvider.System.GetUtcNow(),
                    _ct);
            }

            return events;
        });

        var claimedBy = await Task.WhenAll(DrainAsync(first), DrainAsync(second));

        // Both instances took part, and between them every event was handled.
        Assert.All(claimedBy, count => Assert.True(count > 0));
        Assert.Equal(events, claimedBy.Sum());
        Assert.Equal(events, _smtp.Received.Count);
        Assert.Equal(events, _smtp.Received.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
        var deliveries = await first.DeliveriesAsync(_ct);
        Assert.Equal(events * 2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal((DeliveryState.Sent, 1), (d.State, d.Attempts)));
        Assert.Equal(events, await first.WithAsync((db, _) => db.Inbox.CountAsync(_ct)));
        Assert.Equal(events * 2, sink.Statuses.Count);
    }

    private Task<int> DrainAsync(NotificationsHost host) => Task.Run(
        async () =>
        {
            var total = 0;
            int claimed;
            do
            {
                claimed = await host.RunOnceAsync(_ct);
                total += claimed;
            }
            while (claimed > 0);
            return total;
        },
        _ct);
}
