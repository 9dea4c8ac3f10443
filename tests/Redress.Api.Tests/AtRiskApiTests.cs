using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Redress.Complaints.Features;
using Redress.SharedKernel.Security;

namespace Redress.Api.Tests;

/// <summary>The staff "at risk" list over HTTP, on an app of its own (the list spans every complaint) whose clock the test drives.</summary>
public abstract class AtRiskApiTests(RedressApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Warned_complaints_are_listed_soonest_deadline_first_in_pages_for_case_workers_only()
    {
        var customerEmail = await app.CreateUserAsync(RedressRoles.Customer, "GB", "en");
        var agentEmail = await app.CreateUserAsync(RedressRoles.Agent);
        var supervisorEmail = await app.CreateUserAsync(RedressRoles.Supervisor);
        var filed = new List<(string Number, DateTimeOffset Due)>();
        for (var i = 0; i < 3; i++)
        {
            using var customer = await app.SignInAsync(customerEmail);
            var number = await CaseFiles.FileAsync(customer, _ct, transactionReference: null);
            var due = (await customer.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct)).GetProperty("deadlines").GetProperty("finalDueAt").GetDateTimeOffset();
            filed.Add((number, due));
            app.Clock!.Advance(TimeSpan.FromDays(1));
        }

        // One agent owns the first; the list is not limited to the reader's own complaints.
        using (var agent = await app.SignInAsync(agentEmail))
        {
            var me = (await agent.GetFromJsonAsync<JsonElement>("/api/auth/me", _ct)).GetProperty("userId").GetGuid();
            await CaseFiles.PostOkAsync(agent, $"/api/complaints/{filed[0].Number}/assign", new { assigneeId = me }, _ct);
        }

        using (var early = await app.SignInAsync(agentEmail))
        {
            Assert.Empty((await early.GetFromJsonAsync<JsonElement>("/api/staff/at-risk", _ct)).GetProperty("items").EnumerateArray());
        }

        // Past the first warning of the last one filed, so past every complaint's first warning but before any deadline.
        var latest = filed[^1];
        var filedAt = app.Clock!.GetUtcNow() - TimeSpan.FromDays(1);
        app.Clock.SetUtcNow(filedAt + ((latest.Due - filedAt) * 0.5) + TimeSpan.FromMinutes(1));
        await SweepAsync();
        using var fresh = await app.SignInAsync(customerEmail);
        var notAtRisk = await CaseFiles.FileAsync(fresh, _ct, transactionReference: null);

        // The demo complaints run on the same clock, so the list holds more than ours: check its order and our place in it.
        using var reader = await app.SignInAsync(agentEmail);
        var first = await reader.GetFromJsonAsync<JsonElement>("/api/staff/at-risk?limit=2", _ct);
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.String, first.GetProperty("nextCursor").ValueKind);
        var listed = await AllPagesAsync(reader);
        Assert.Equal(listed.Select(i => i.GetProperty("complaint").GetProperty("number").GetString()).Distinct().Count(), listed.Count);
        var dues = listed.Select(i => i.GetProperty("complaint").GetProperty("finalDueAt").GetDateTimeOffset()).ToList();
        Assert.Equal(dues.Order(), dues);

        var expected = filed.Select((f, i) => (f.Number, f.Due, i)).OrderBy(f => f.Due).ThenBy(f => f.i).Select(f => f.Number).ToList();
        var ours = listed.Where(i => filed.Any(f => f.Number == i.GetProperty("complaint").GetProperty("number").GetString())).ToList();
        Assert.Equal(expected, ours.Select(i => i.GetProperty("complaint").GetProperty("number").GetString()));
        Assert.DoesNotContain(notAtRisk, listed.Select(i => i.GetProperty("complaint").GetProperty("number").GetString()));
        Assert.All(ours, i => Assert.Equal(1, i.GetProperty("warningsSent").GetInt32()));
        Assert.All(ours, i => Assert.Equal(JsonValueKind.Null, i.GetProperty("breachedAt").ValueKind));
        var owned = ours.Single(i => i.GetProperty("complaint").GetProperty("number").GetString() == filed[0].Number);
        Assert.Equal(JsonValueKind.String, owned.GetProperty("assigneeId").ValueKind);

        using var supervisor = await app.SignInAsync(supervisorEmail);
        Assert.Equal(
            listed.Select(i => i.GetProperty("complaint").GetProperty("number").GetString()),
            (await AllPagesAsync(supervisor)).Select(i => i.GetProperty("complaint").GetProperty("number").GetString()));

        await (await fresh.GetAsync("/api/staff/at-risk", _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await reader.GetAsync("/api/staff/at-risk?cursor=not-a-cursor", _ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "cursor");
        await (await reader.GetAsync("/api/staff/at-risk?limit=0", _ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "limit");
    }

    private async Task<List<JsonElement>> AllPagesAsync(HttpClient client)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>("/api/staff/at-risk?limit=2" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}"), _ct);
            Assert.InRange(page.GetProperty("items").GetArrayLength(), 0, 2);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return items;
    }

    private async Task SweepAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sweep = scope.ServiceProvider.GetRequiredService<SlaSweep>();
        while (await sweep.RunOnceAsync(_ct) > 0)
        {
        }
    }
}

public sealed class AtRiskApiOnSqlite(ClockedSqliteApp app) : AtRiskApiTests(app), IClassFixture<ClockedSqliteApp>;

public sealed class AtRiskApiOnPostgres(ClockedPostgresApp app) : AtRiskApiTests(app), IClassFixture<ClockedPostgresApp>;
