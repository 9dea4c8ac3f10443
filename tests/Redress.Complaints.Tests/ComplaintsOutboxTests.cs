using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Redress.Complaints.Features;
using Redress.SharedKernel.Outbox;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Tests;

/// <summary>Outbox rows written with the timeline entries that tell someone, read back as events, and delivery reports on the timeline.</summary>
public sealed class ComplaintsOutboxTests(SqliteComplaintsDatabase database) : IClassFixture<SqliteComplaintsDatabase>
{
    private const string Consumer = TimelineEvent.NotificationsConsumer;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Customer_steps_and_staff_alerts_get_a_row_in_the_same_save_and_internal_steps_do_not()
    {
        var customer = new Actor(Guid.CreateVersion7(), new HashSet<string>(StringComparer.Ordinal) { RedressRoles.Customer }, "GB", "en");
        var agent = Actors.Staff(RedressRoles.Agent);
        var number = await FileAsync(customer);
        await using (var db = database.NewContext())
        {
            var lifecycle = database.NewLifecycle(db);
            Assert.True((await lifecycle.AcknowledgeAsync(agent, number, _ct)).IsSuccess);
            Assert.True((await lifecycle.AddNoteAsync(agent, number, new TextRequest("Looks like a timeout at the bank."), _ct)).IsSuccess);
            Assert.True((await lifecycle.AssignAsync(agent, number, new AssignRequest(agent.UserId, null), _ct)).IsSuccess);
            Assert.True((await lifecycle.RequestInformationAsync(agent, number, new TextRequest("Which card did you use?"), _ct)).IsSuccess);
        }

        await using var reader = database.NewContext();
        var stored = await reader.Complaints.AsNoTracking().SingleAsync(c => c.CustomerId == customer.UserId, _ct);
        var notified = await reader.OutboxDeliveries.AsNoTracking()
            .Join(reader.TimelineEvents, d => d.EventId, e => e.Id, (d, e) => new { d.Consumer, e.ComplaintId, e.Type })
            .Where(x => x.ComplaintId == stored.Id)
            .Select(x => x.Type)
            .ToListAsync(_ct);
        Assert.Equal(
            [TimelineEventTypes.Acknowledged, TimelineEventTypes.Assigned, TimelineEventTypes.InformationRequested],
            notified.Order(StringComparer.Ordinal));

        var outbox = NewOutbox(reader);
        var events = await ClaimAllAsync(outbox);
        var mine = events.Where(e => e.ComplaintNumber == number).ToList();
        var acknowledged = Assert.Single(mine, e => e.Type == OutboxEventTypes.Acknowledged);
        Assert.Equal((customer.UserId, RecipientKind.Customer, "en"), (acknowledged.RecipientId, acknowledged.RecipientKind, acknowledged.Culture));
        Assert.Equal(DateOnly.FromDateTime(stored.FinalDueAt!.Value.UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), acknowledged.Data["Deadline"]);
        var assigned = Assert.Single(mine, e => e.Type == OutboxEventTypes.StaffAssigned);
        Assert.Equal((agent.UserId, RecipientKind.Staff), (assigned.RecipientId, assigned.RecipientKind));
        Assert.Equal("Which card did you use?", Assert.Single(mine, e => e.Type == OutboxEventTypes.InformationRequested).Data["Question"]);
        Assert.Empty(await outbox.ClaimAsync(Consumer, 100, TimeSpan.FromMinutes(5), _ct));
    }

    [Fact]
    public async Task A_delivery_report_is_an_internal_timeline_entry_once_per_event_channel_and_outcome()
    {
        var customer = Actors.Customer();
        var number = await FileAsync(customer);
        await using (var db = database.NewContext())
        {
            Assert.True((await database.NewLifecycle(db).AcknowledgeAsync(Actors.Staff(RedressRoles.Agent), number, _ct)).IsSuccess);
        }

        await using var reader = database.NewContext();
        var outbox = NewOutbox(reader);
        var acknowledged = (await ClaimAllAsync(outbox)).Single(e => e.ComplaintNumber == number);
        var now = database.Time.GetUtcNow();
        DeliveryStatus[] statuses =
        [
            new(acknowledged.EventId, number, "email", DeliveryOutcome.Sent, 1, now, null),
            new(acknowledged.EventId, number, "inapp", DeliveryOutcome.Sent, 1, now, null),
        ];
        await outbox.ReportAsync(statuses, _ct);
        await outbox.ReportAsync(statuses, _ct);
        await outbox.CompleteAsync(Consumer, acknowledged.EventId, _ct);

        await using var check = database.NewContext();
        var stored = await check.Complaints.Include(c => c.Timeline).AsNoTracking().SingleAsync(c => c.CustomerId == customer.UserId, _ct);
        var reports = stored.Timeline.Where(e => e.Type == TimelineEventTypes.DeliveryReported).ToList();
        Assert.Equal(2, reports.Count);
        Assert.All(reports, r => Assert.Equal(Visibility.Internal, r.Visibility));
        Assert.DoesNotContain(await check.OutboxDeliveries.AsNoTracking().Select(d => d.EventId).ToListAsync(_ct), id => reports.Any(r => r.Id == id));
        Assert.All(stored.Timeline, e => Assert.Equal(e.ComputeHash(stored.Number), e.Hash));
    }

    private ComplaintsOutbox NewOutbox(Data.ComplaintsDbContext db) =>
        new(db, database.Time, Options.Create(ShippedDeadlines.Settings), NullLogger<ComplaintsOutbox>.Instance);

    private async Task<List<OutboxEvent>> ClaimAllAsync(ComplaintsOutbox outbox)
    {
        var all = new List<OutboxEvent>();
        for (var batch = await outbox.ClaimAsync(Consumer, 50, TimeSpan.FromMinutes(5), _ct); batch.Count > 0; batch = await outbox.ClaimAsync(Consumer, 50, TimeSpan.FromMinutes(5), _ct))
        {
            all.AddRange(batch);
        }

        return all;
    }

    private async Task<string> FileAsync(Actor customer)
    {
        await using var db = database.NewContext();
        var request = new FileComplaintRequest("TransactionFailure", "Money left my wallet but the transfer failed.", database.Time.GetUtcNow().AddDays(-1), null, null, null, "Refund it");
        var filed = await database.NewFileHandler(db).HandleAsync(customer, request, ComplaintChannel.InApp, _ct);
        Assert.True(filed.IsSuccess);
        return filed.Value.Number;
    }
}
