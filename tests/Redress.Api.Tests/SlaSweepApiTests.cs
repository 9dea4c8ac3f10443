using System.Data.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Redress.Complaints.Data;
using Redress.Complaints.Deadlines;
using Redress.Complaints.Features;
using Redress.SharedKernel.Persistence;
using Redress.SharedKernel.Security;

namespace Redress.Api.Tests;

/// <summary>The SLA sweep in the real host, racing a case worker who changes a complaint between the sweep's read and its write.</summary>
public abstract class SlaSweepApiTests(RedressApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_complaint_a_case_worker_changes_between_the_sweeps_read_and_write_is_left_due_and_announced_once_later()
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer, "GB", "en");
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        // No owners: nothing is delivered, so no delivery report races the sweep but the case worker's note.
        var numbers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            numbers.Add(await CaseFiles.FileAsync(customer, _ct, transactionReference: null));
        }

        await SlaSweeps.MakeOverdueAsync(app, numbers, _ct);
        var changed = numbers[2];
        // The sweep has read the due complaints when it opens its write transaction; the case worker gets in first.
        var caseWorker = new BeforeTransaction(() => CaseFiles.PostOkAsync(agent, $"/api/complaints/{changed}/notes", new { body = "Called the customer back." }, _ct));
        var settings = app.Services.GetRequiredService<IOptions<DatabaseSettings>>().Value;
        var options = new DbContextOptionsBuilder<ComplaintsDbContext>().UseRedressDatabase(settings, "complaints").AddInterceptors(caseWorker).Options;
        await using (var db = new ComplaintsDbContext(options))
        {
            var sweep = new SlaSweep(db, TimeProvider.System, Options.Create(new SlaMonitorOptions()), NullLogger<SlaSweep>.Instance);
            Assert.Equal(numbers.Count, await sweep.RunOnceAsync(_ct));
        }

        Assert.Equal(1, caseWorker.Runs);
        Assert.Empty(await SlaSweeps.EntriesAsync(agent, changed, _ct));
        foreach (var number in numbers.Where(n => n != changed))
        {
            Assert.Equal(SlaSweeps.EveryPoint, await SlaSweeps.EntriesAsync(agent, number, _ct));
        }

        // Still due: the next sweep announces it, and nothing twice.
        Assert.Equal(1, await SlaSweeps.SweepAsync(app, _ct));
        Assert.Equal(0, await SlaSweeps.SweepAsync(app, _ct));
        foreach (var number in numbers)
        {
            Assert.Equal(SlaSweeps.EveryPoint, await SlaSweeps.EntriesAsync(agent, number, _ct));
        }

        var timeline = (await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{changed}", _ct)).GetProperty("timeline").EnumerateArray().ToList();
        Assert.Contains(timeline, e => e.GetProperty("type").GetString() == "complaint.note-added");
        Assert.Equal(Enumerable.Range(1, timeline.Count), timeline.Select(e => e.GetProperty("sequence").GetInt32()).Order());
        var verification = await SlaSweeps.VerifyAsync(app, _ct);
        Assert.True(verification.Intact, string.Join("; ", verification.Broken));
    }

    /// <summary>Runs an action once, just before the first transaction of the context it is attached to begins.</summary>
    private sealed class BeforeTransaction(Func<Task> action) : DbTransactionInterceptor
    {
        public int Runs { get; private set; }

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (Runs == 0)
            {
                Runs++;
                await action();
            }

            return result;
        }
    }
}

public sealed class SlaSweepApiOnSqlite(SqliteApp app) : SlaSweepApiTests(app);

public sealed class SlaSweepApiOnPostgres(PostgresApp app) : SlaSweepApiTests(app);
