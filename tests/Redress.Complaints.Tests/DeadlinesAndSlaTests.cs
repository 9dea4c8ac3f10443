using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Redress.Complaints.Features;
using Redress.SharedKernel;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Tests;

/// <summary>Deadlines stored on complaints and the SLA monitor, with time driven by a fake clock over a migrated SQLite file.</summary>
public sealed class DeadlinesAndSlaTests
{
    private static readonly DateTimeOffset s_gbFiling = Instant("2026-12-18T15:00:00+00:00");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GB", ComplaintChannel.Web, "2026-12-18T15:00:00+00:00", "GB-PaymentServices", "2027-01-13T23:59:59.9999999+00:00")]
    [InlineData("EU", ComplaintChannel.InApp, "2026-04-02T09:00:00+02:00", "EU-PSD2", "2026-04-27T23:59:59.9999999+02:00")]
    [InlineData("US", ComplaintChannel.Web, "2026-07-02T10:00:00-04:00", "US-RegE", "2026-07-17T23:59:59.9999999-04:00")]
    [InlineData("US", ComplaintChannel.Regulator, "2026-11-25T10:00:00-05:00", "US-CFPB", "2026-12-10T23:59:59.9999999-05:00")]
    [InlineData("CN", ComplaintChannel.InApp, "2026-02-11T17:00:00+00:00", "CN-PBoC", "2026-02-27T23:59:59.9999999+08:00")]
    public async Task Filing_stores_the_policys_deadlines_and_the_first_sla_check(
        string jurisdiction, ComplaintChannel channel, string filedAt, string policy, string finalDue)
    {
        await using var database = await OpenAsync(Instant(filedAt));
        var number = await FileAsync(database, Actors.Customer(jurisdiction), channel);

        var stored = await LoadAsync(database, number);
        Assert.Equal(policy, stored.DeadlinePolicy);
        Assert.Equal(Instant(finalDue), stored.FinalDueAt);
        Assert.True(stored.CalendarComplete);
        Assert.Equal(stored.FiledAt + ((stored.FinalDueAt!.Value - stored.FiledAt) * 0.5), stored.NextSlaCheckAt);
    }

    [Fact]
    public async Task Waiting_on_the_customer_stops_the_chinese_clock_and_the_answer_moves_the_deadlines_by_the_days_waited()
    {
        await using var database = await OpenAsync(Instant("2026-11-25T09:30:00+00:00"));
        var customer = Actors.Customer("CN");
        var agent = Actors.Staff(RedressRoles.Agent);
        var number = await FileAsync(database, customer, ComplaintChannel.InApp);
        Assert.Equal(Instant("2026-12-10T23:59:59.9999999+08:00"), (await LoadAsync(database, number)).FinalDueAt);

        database.Time.Advance(TimeSpan.FromDays(1));
        await using (var db = database.NewContext())
        {
            Assert.True((await database.NewLifecycle(db).AcknowledgeAsync(agent, number, _ct)).IsSuccess);
            Assert.True((await database.NewLifecycle(db).RequestInformationAsync(agent, number, new TextRequest("Which card?"), _ct)).IsSuccess);
        }

        var paused = await LoadAsync(database, number);
        Assert.Equal(database.Time.GetUtcNow(), paused.PausedSince);
        Assert.Null(paused.NextSlaCheckAt);

        database.Time.Advance(TimeSpan.FromDays(3));
        await using (var db = database.NewContext())
        {
            Assert.True((await database.NewConversation(db).SendAsync(customer, number, "The debit card.", [], _ct)).IsSuccess);
        }

        var resumed = await LoadAsync(database, number);
        Assert.Null(resumed.PausedSince);
        Assert.Equal(3, resumed.PausedCalendarDays);
        Assert.Equal(Instant("2026-12-13T23:59:59.9999999+08:00"), resumed.FinalDueAt);
        Assert.Equal(Instant("2027-01-27T23:59:59.9999999+08:00"), resumed.ExtendedFinalBy);
        Assert.NotNull(resumed.NextSlaCheckAt);
    }

    [Fact]
    public async Task A_policy_that_does_not_pause_keeps_its_deadlines_while_the_customer_is_asked()
    {
        await using var database = await OpenAsync(s_gbFiling);
        var customer = Actors.Customer("GB");
        var agent = Actors.Staff(RedressRoles.Agent);
        var number = await FileAsync(database, customer, ComplaintChannel.Web);
        var before = await LoadAsync(database, number);

        await using (var db = database.NewContext())
        {
            Assert.True((await database.NewLifecycle(db).AcknowledgeAsync(agent, number, _ct)).IsSuccess);
            Assert.True((await database.NewLifecycle(db).RequestInformationAsync(agent, number, new TextRequest("Which card?"), _ct)).IsSuccess);
        }

        database.Time.Advance(TimeSpan.FromDays(5));
        await using (var db = database.NewContext())
        {
            Assert.True((await database.NewConversation(db).SendAsync(customer, number, "The debit card.", [], _ct)).IsSuccess);
        }

        var after = await LoadAsync(database, number);
        Assert.Null(after.PausedSince);
        Assert.Equal(before.FinalDueAt, after.FinalDueAt);
        Assert.Equal(before.NextSlaCheckAt, after.NextSlaCheckAt);
    }

    [Fact]
    public async Task The_monitor_warns_at_half_and_four_fifths_prompts_the_holding_reply_and_reports_the_breach_each_once()
    {
        await using var database = await OpenAsync(s_gbFiling);
        var number = await FileAsync(database, Actors.Customer("GB"), ComplaintChannel.Web);
        var filed = await LoadAsync(database, number);
        var span = filed.FinalDueAt!.Value - filed.FiledAt;
        var minute = TimeSpan.FromMinutes(1);

        Assert.Equal(0, await SweepAsync(database));
        database.Time.SetUtcNow(filed.FiledAt + (span * 0.5) - minute);
        Assert.Equal(0, await SweepAsync(database));
        database.Time.SetUtcNow(filed.FiledAt + (span * 0.5) + minute);
        Assert.Equal(1, await SweepAsync(database));
        Assert.Equal(0, await SweepAsync(database));
        Assert.Equal([TimelineEventTypes.SlaWarning], await SlaEntriesAsync(database, number));
        Assert.True((await LoadAsync(database, number)).AtRisk);

        database.Time.SetUtcNow(filed.FiledAt + (span * 0.8) + minute);
        Assert.Equal(1, await SweepAsync(database));
        database.Time.SetUtcNow(filed.HoldingReplyBy!.Value - database.Sla.HoldingReplyLead + minute);
        Assert.Equal(1, await SweepAsync(database));
        database.Time.SetUtcNow(filed.FinalDueAt.Value + minute);
        Assert.Equal(1, await SweepAsync(database));
        database.Time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await SweepAsync(database));

        Assert.Equal(
            [TimelineEventTypes.SlaWarning, TimelineEventTypes.SlaWarning, TimelineEventTypes.SlaHoldingReplyDue, TimelineEventTypes.SlaBreached],
            await SlaEntriesAsync(database, number));
        await using var reader = database.NewContext();
        var stored = await reader.Complaints.Include(c => c.Timeline).SingleAsync(c => c.Number == Stored(number), _ct);
        Assert.All(stored.Timeline.Where(e => e.Type.StartsWith("sla.", StringComparison.Ordinal)), e => Assert.Equal(Visibility.Internal, e.Visibility));
        Assert.All(stored.Timeline, e => Assert.Equal(e.ComputeHash(stored.Number), e.Hash));
        Assert.Equal(
            stored.Timeline.OrderBy(e => e.Sequence).Select(e => e.Hash).SkipLast(1),
            stored.Timeline.OrderBy(e => e.Sequence).Select(e => e.PreviousHash).Skip(1));
        Assert.Null(stored.NextSlaCheckAt);
        Assert.NotNull(stored.BreachedAt);
    }

    [Fact]
    public async Task A_sweep_touches_only_the_complaints_that_are_due()
    {
        await using var database = await OpenAsync(s_gbFiling);
        var early = await FileAsync(database, Actors.Customer("GB"), ComplaintChannel.Web);
        database.Time.Advance(TimeSpan.FromDays(10));
        var later = await FileAsync(database, Actors.Customer("GB"), ComplaintChannel.Web);
        var laterCheck = (await LoadAsync(database, later)).NextSlaCheckAt;
        var first = await LoadAsync(database, early);

        database.Time.SetUtcNow(first.NextSlaCheckAt!.Value + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await SweepAsync(database));

        Assert.Equal([TimelineEventTypes.SlaWarning], await SlaEntriesAsync(database, early));
        Assert.Empty(await SlaEntriesAsync(database, later));
        Assert.Equal(laterCheck, (await LoadAsync(database, later)).NextSlaCheckAt);
        await using var db = database.NewContext();
        var atRisk = await new AtRiskHandler(db, database.Text).ListAsync(Actors.Staff(RedressRoles.Agent), null, null, _ct);
        var item = Assert.Single(atRisk.Value.Items);
        Assert.Equal(early, item.Complaint.Number);
        Assert.Equal(1, item.WarningsSent);
    }

    [Fact]
    public async Task The_at_risk_list_pages_soonest_deadline_first_and_drops_a_complaint_once_it_ends()
    {
        await using var database = await OpenAsync(s_gbFiling);
        var customer = Actors.Customer("GB");
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            numbers.Add(await FileAsync(database, customer, ComplaintChannel.Web));
            database.Time.Advance(TimeSpan.FromDays(1));
        }

        database.Time.Advance(TimeSpan.FromDays(40));
        Assert.Equal(3, await SweepAsync(database));
        var agent = Actors.Staff(RedressRoles.Agent);
        await using (var db = database.NewContext())
        {
            var handler = new AtRiskHandler(db, database.Text);
            var first = await handler.ListAsync(agent, null, 2, _ct);
            var second = await handler.ListAsync(agent, first.Value.NextCursor, 2, _ct);
            Assert.Equal(numbers, [.. first.Value.Items.Concat(second.Value.Items).Select(i => i.Complaint.Number)]);
            Assert.Null(second.Value.NextCursor);
            Assert.Equal(ErrorKind.Forbidden, (await handler.ListAsync(customer, null, null, _ct)).Error!.Kind);
            Assert.True((await database.NewLifecycle(db).WithdrawAsync(customer, numbers[0], _ct)).IsSuccess);
        }

        await using var reader = database.NewContext();
        var after = await new AtRiskHandler(reader, database.Text).ListAsync(agent, null, null, _ct);
        Assert.Equal(numbers.Skip(1), after.Value.Items.Select(i => i.Complaint.Number));
    }

    [Fact]
    public async Task Two_monitors_sweeping_at_once_announce_each_point_once()
    {
        await using var database = await OpenAsync(s_gbFiling);
        var numbers = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            numbers.Add(await FileAsync(database, Actors.Customer("GB"), ComplaintChannel.Web));
        }

        var filed = await LoadAsync(database, numbers[0]);
        database.Time.SetUtcNow(filed.FiledAt + ((filed.FinalDueAt!.Value - filed.FiledAt) * 0.5) + TimeSpan.FromMinutes(1));
        await Task.WhenAll(SweepAsync(database), SweepAsync(database));
        await Task.WhenAll(SweepAsync(database), SweepAsync(database));

        foreach (var number in numbers)
        {
            Assert.Equal([TimelineEventTypes.SlaWarning], await SlaEntriesAsync(database, number));
        }
    }

    [Fact]
    public async Task A_withdrawn_complaint_stops_the_clock_and_is_never_reported_as_breached()
    {
        await using var database = await OpenAsync(s_gbFiling);
        var customer = Actors.Customer("GB");
        var number = await FileAsync(database, customer, ComplaintChannel.Web);
        await using (var db = database.NewContext())
        {
            Assert.True((await database.NewLifecycle(db).WithdrawAsync(customer, number, _ct)).IsSuccess);
        }

        Assert.Null((await LoadAsync(database, number)).NextSlaCheckAt);
        database.Time.Advance(TimeSpan.FromDays(60));
        Assert.Equal(0, await SweepAsync(database));
        Assert.Empty(await SlaEntriesAsync(database, number));
    }

    private static async Task<SqliteComplaintsDatabase> OpenAsync(DateTimeOffset start)
    {
        var database = new SqliteComplaintsDatabase(start);
        await database.InitializeAsync();
        return database;
    }

    private async Task<string> FileAsync(SqliteComplaintsDatabase database, Actor customer, ComplaintChannel channel)
    {
        await using var db = database.NewContext();
        var request = new FileComplaintRequest("TransactionFailure", "Money left my wallet but the transfer failed.", database.Time.GetUtcNow().AddDays(-1), null, null, null, "Refund it");
        var filed = await database.NewFileHandler(db).HandleAsync(customer, request, channel, _ct);
        Assert.True(filed.IsSuccess);
        return filed.Value.Number;
    }

    private async Task<int> SweepAsync(SqliteComplaintsDatabase database)
    {
        await using var db = database.NewContext();
        return await database.NewSweep(db).RunOnceAsync(_ct);
    }

    private async Task<Complaint> LoadAsync(SqliteComplaintsDatabase database, string number)
    {
        await using var db = database.NewContext();
        return await db.Complaints.AsNoTracking().SingleAsync(c => c.Number == Stored(number), _ct);
    }

    private async Task<List<string>> SlaEntriesAsync(SqliteComplaintsDatabase database, string number)
    {
        await using var db = database.NewContext();
        return await db.TimelineEvents.AsNoTracking()
            .Where(e => db.Complaints.Any(c => c.Id == e.ComplaintId && c.Number == Stored(number)) && e.Type.StartsWith("sla."))
            .OrderBy(e => e.Sequence)
            .Select(e => e.Type)
            .ToListAsync(_ct);
    }

    private static string Stored(string number) => ComplaintNumber.TryParse(number, out var parsed) ? parsed.Value.Value : number;

    private static DateTimeOffset Instant(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);
}
