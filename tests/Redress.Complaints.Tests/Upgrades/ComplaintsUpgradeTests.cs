using Microsoft.EntityFrameworkCore;
using Redress.Complaints.Features;
using Redress.SharedKernel.Persistence;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Tests.Upgrades;

/// <summary>
/// The upgrade test template (docs/migrations.md): a database at migration N that holds data is migrated to N+1 and
/// keeps every row and every value it had, on both providers. Until the complaints module has a second migration,
/// N+1 is the throwaway <see cref="UpgradeProbeMigration"/>; a real migration copies this test with its own id as
/// the target and seeds, at N, the rows its change touches.
/// </summary>
public sealed class ComplaintsUpgradeTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_database_holding_complaints_keeps_every_row_through_the_next_migration(DatabaseProvider provider)
    {
        await using var database = await UpgradeDatabase.CreateAsync(provider, _ct);
        await database.MigrateToAsync(database.LatestShipped(), _ct);
        await SeedAsync(database);
        var before = await database.ReadAllRowsAsync(null, _ct);

        await database.MigrateToAsync(UpgradeProbeMigration.Id, _ct);

        var after = await database.ReadAllRowsAsync(before, _ct);
        Assert.All(["complaints", "complaint_sla_schedule", "timeline_events", "outbox_deliveries", "complaint_messages"], table => Assert.NotEmpty(before[table].Values));
        foreach (var (table, rows) in before)
        {
            Assert.Equal(rows.Values, after[table].Values);
        }

        await using var db = database.NewContext();
        Assert.Contains(UpgradeProbeMigration.Id, await db.Database.GetAppliedMigrationsAsync(_ct));
    }

    /// <summary>
    /// Rows written by the product's own handlers at N: complaints with their SLA schedules, timelines, outbox rows
    /// and a message. A real migration's copy seeds whatever its change touches.
    /// </summary>
    private async Task SeedAsync(UpgradeDatabase database)
    {
        // The helpers only build handlers here; the database they write to is the one under test.
        var handlers = new SqliteComplaintsDatabase();
        var customer = Actors.Customer("GB");
        var agent = Actors.Staff(RedressRoles.Agent);
        var numbers = new List<string>();
        await using (var db = database.NewContext())
        {
            for (var i = 0; i < 3; i++)
            {
                var request = new FileComplaintRequest(
                    "TransactionFailure", $"Money left my wallet but transfer {i} failed.", handlers.Time.GetUtcNow().AddDays(-1), $"TX{i}", 12.5m, "GBP", "Refund it");
                var filed = await handlers.NewFileHandler(db).HandleAsync(customer, request, ComplaintChannel.Web, _ct);
                Assert.True(filed.IsSuccess);
                numbers.Add(filed.Value.Number);
            }
        }

        await using (var db = database.NewContext())
        {
            Assert.True((await handlers.NewLifecycle(db).AcknowledgeAsync(agent, numbers[0], _ct)).IsSuccess);
        }

        await using (var db = database.NewContext())
        {
            Assert.True((await handlers.NewConversation(db).SendAsync(customer, numbers[0], "It was my debit card.", [], _ct)).IsSuccess);
        }

        // Every SLA point passed: the sweep writes entries, outbox rows and the schedule through its own SQL.
        handlers.Time.Advance(TimeSpan.FromDays(60));
        await using (var db = database.NewContext())
        {
            Assert.True(await handlers.NewSweep(db).RunOnceAsync(_ct) > 0);
        }
    }
}
