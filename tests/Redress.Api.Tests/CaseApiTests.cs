using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Redress.SharedKernel.Security;

namespace Redress.Api.Tests;

public abstract class CaseApiTests(RedressApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_customer_answers_with_a_screenshot_nudges_appeals_and_a_supervisor_decides()
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer);
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        using var supervisor = await app.ClientForAsync(RedressRoles.Supervisor);
        var number = await CaseFiles.FileAsync(customer, _ct);
        var path = $"/api/complaints/{number}";

        await CaseFiles.PostOkAsync(agent, $"{path}/acknowledge", null, _ct);
        var asked = await CaseFiles.PostOkAsync(agent, $"{path}/information-requests", new { body = "Please send a screenshot of the failed transfer." }, _ct);
        Assert.Equal("Customer", asked.GetProperty("waitingOn").GetString());

        var answered = await CaseFiles.OkJsonAsync(
            await customer.PostAsync($"{path}/messages/with-files", CaseFiles.Form("Here it is.", ("transfer.png", CaseFiles.Png)), _ct), _ct);
        Assert.Equal("Operator", answered.GetProperty("waitingOn").GetString());
        var attachment = answered.GetProperty("conversation")[1].GetProperty("attachments")[0];
        Assert.Equal("image/png", attachment.GetProperty("contentType").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(CaseFiles.Png)), attachment.GetProperty("sha256").GetString());

        var download = await agent.GetAsync($"{path}/attachments/{attachment.GetProperty("id").GetString()}", _ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(CaseFiles.Png, await download.Content.ReadAsByteArrayAsync(_ct));
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        var nudged = await CaseFiles.PostOkAsync(customer, $"{path}/nudge", null, _ct);
        Assert.Equal("High", nudged.GetProperty("priority").GetString());
        await (await customer.PostAsync($"{path}/nudge", null, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);

        await CaseFiles.PostOkAsync(agent, $"{path}/triage", new { category = "TransactionFailure", priority = "High" }, _ct);
        await CaseFiles.PostOkAsync(agent, $"{path}/investigate", null, _ct);
        var resolved = await CaseFiles.PostOkAsync(agent, $"{path}/resolve", new { outcome = "NotUpheld", closureCode = "ClosedWithExplanation", reasons = "The transfer reached the payee." }, _ct);
        Assert.True(resolved.GetProperty("appealDeadline").ValueKind == JsonValueKind.String);

        var seen = await customer.GetFromJsonAsync<JsonElement>(path, _ct);
        Assert.Equal(["SendMessage", "Accept", "Appeal"], seen.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Empty(seen.GetProperty("externalRoutes").EnumerateArray());

        await CaseFiles.PostOkAsync(customer, $"{path}/appeal", new { body = "The payee says nothing arrived." }, _ct);
        await (await customer.PostAsJsonAsync($"{path}/appeal", new { body = "again" }, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await agent.PostAsync($"{path}/review", null, _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await CaseFiles.PostOkAsync(supervisor, $"{path}/review", null, _ct);
        var decided = await CaseFiles.PostOkAsync(supervisor, $"{path}/appeal-decision", new { outcome = "Upheld", closureCode = "ClosedWithMonetaryRelief", reasons = "Refunded in full." }, _ct);
        Assert.Equal("Closed", decided.GetProperty("stage").GetString());

        var final = await customer.GetFromJsonAsync<JsonElement>(path, _ct);
        Assert.Equal("Upheld", final.GetProperty("outcome").GetString());
        var routes = final.GetProperty("externalRoutes").EnumerateArray().Select(r => r.GetProperty("contact").GetString()).ToList();
        Assert.True(routes.SequenceEqual(["12363", "12315"]), final.GetProperty("externalRoutes").ToString());
        Assert.Contains(
            "complaint.appeal-decided",
            final.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Internal_notes_and_internal_entries_never_reach_the_customer()
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer);
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        var number = await CaseFiles.FileAsync(customer, _ct);
        var path = $"/api/complaints/{number}";
        await CaseFiles.PostOkAsync(agent, $"{path}/notes", new { body = "Secret: possible fraud ring." }, _ct);
        await CaseFiles.PostOkAsync(agent, $"{path}/triage", new { category = "AccountSecurity", priority = "Urgent" }, _ct);

        var complaint = await customer.GetStringAsync(path, _ct);
        var messages = await customer.GetStringAsync($"{path}/messages", _ct);
        var staffView = await agent.GetStringAsync($"{path}/messages", _ct);

        Assert.DoesNotContain("fraud ring", complaint, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal", complaint, StringComparison.Ordinal);
        Assert.DoesNotContain("fraud ring", messages, StringComparison.Ordinal);
        Assert.Contains("fraud ring", staffView, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_files_get_a_clear_client_error_naming_the_files()
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer);
        var number = await CaseFiles.FileAsync(customer, _ct);
        var path = $"/api/complaints/{number}/messages/with-files";

        var disguised = await customer.PostAsync(path, CaseFiles.Form("see", ("receipt.png", "MZ\u0090 not really a png"u8.ToArray())), _ct);
        await disguised.AssertProblemAsync(HttpStatusCode.BadRequest, "files");
        var tooMany = await customer.PostAsync(path, CaseFiles.Form("see", [.. Enumerable.Range(1, 6).Select(i => ($"{i}.png", CaseFiles.Png))]), _ct);
        await tooMany.AssertProblemAsync(HttpStatusCode.BadRequest, "files");
        var tooBig = new byte[(10 * 1024 * 1024) + 1];
        CaseFiles.Png.CopyTo(tooBig, 0);
        await (await customer.PostAsync(path, CaseFiles.Form("see", ("big.png", tooBig)), _ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "files");

        var conversation = await customer.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}/messages", _ct);
        Assert.Empty(conversation.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_a_refused_transition_is_a_conflict()
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer);
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        var number = await CaseFiles.FileAsync(customer, _ct);
        var path = $"/api/complaints/{number}";

        await (await agent.PostAsJsonAsync($"{path}/triage", new { category = "Nonsense", priority = "" }, _ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "category", "priority");
        await (await agent.PostAsJsonAsync($"{path}/resolve", new { outcome = "Upheld" }, _ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "closureCode", "reasons");
        await (await agent.PostAsJsonAsync($"{path}/merge", new { survivor = "nope" }, _ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "survivor");
        var early = await (await agent.PostAsJsonAsync($"{path}/resolve", new { outcome = "Upheld", closureCode = "ClosedWithExplanation", reasons = "ok" }, _ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("action_not_allowed_at_stage", early.GetProperty("code").GetString());
        var timeline = (await customer.GetFromJsonAsync<JsonElement>(path, _ct)).GetProperty("timeline");
        Assert.Equal(1, timeline.GetArrayLength());
    }

    [Fact]
    public async Task Filing_about_a_transaction_with_an_open_complaint_points_to_it_and_staff_can_merge_them()
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer);
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        var reference = "TX-DUP-" + Guid.NewGuid().ToString("N")[..8];
        var first = await CaseFiles.FileAsync(customer, _ct, reference);

        var second = await customer.PostAsJsonAsync(
            "/api/complaints",
            new { category = "Refund", description = "Still waiting on this transfer refund.", occurredAt = DateTimeOffset.UtcNow.AddDays(-1), transactionReference = reference, desiredOutcome = "Refund" },
            _ct);
        var filed = await CaseFiles.OkJsonAsync(second, _ct);
        Assert.Equal(first, filed.GetProperty("possibleDuplicateOf").GetString());
        var duplicate = filed.GetProperty("number").GetString()!;

        var merged = await CaseFiles.PostOkAsync(agent, $"/api/complaints/{duplicate}/merge", new { survivor = first }, _ct);

        Assert.Equal("Merged", merged.GetProperty("stage").GetString());
        Assert.Equal(first, merged.GetProperty("mergedInto").GetString());
        var survivor = await customer.GetFromJsonAsync<JsonElement>($"/api/complaints/{first}", _ct);
        Assert.Equal("complaint.duplicate-merged-in", survivor.GetProperty("timeline").EnumerateArray().Last().GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_new_complaint_waits_unassigned_until_an_agent_takes_it_into_their_queue()
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer);
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        using var supervisor = await app.ClientForAsync(RedressRoles.Supervisor);
        var number = await CaseFiles.FileAsync(customer, _ct);
        var me = (await agent.GetFromJsonAsync<JsonElement>("/api/auth/me", _ct)).GetProperty("userId").GetGuid();

        Assert.Contains(number, await QueueAsync(agent, "unassigned&category=TransactionFailure&priority=Normal"));
        await CaseFiles.PostOkAsync(agent, $"/api/complaints/{number}/assign", new { assigneeId = me }, _ct);

        Assert.DoesNotContain(number, await QueueAsync(agent, "unassigned"));
        Assert.Contains(number, await QueueAsync(agent, "mine"));
        var load = await supervisor.GetFromJsonAsync<JsonElement>("/api/staff/load", _ct);
        Assert.Equal(1, load.EnumerateArray().Single(l => l.GetProperty("agentId").GetGuid() == me).GetProperty("openComplaints").GetInt32());
        await (await agent.GetAsync("/api/staff/queues?queue=everything", _ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "queue");
    }

    [Fact]
    public async Task Simultaneous_changes_either_land_on_the_chain_or_get_a_conflict_never_a_fork_or_an_error()
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer);
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        var number = await CaseFiles.FileAsync(customer, _ct);

        var responses = await Task.WhenAll(Enumerable.Range(1, 12).Select(i =>
            agent.PostAsJsonAsync($"/api/complaints/{number}/notes", new { body = $"note {i}" }, _ct)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Conflict, $"unexpected {s}"));
        var timeline = (await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct)).GetProperty("timeline");
        Assert.Equal(Enumerable.Range(1, 1 + statuses.Count(s => s == HttpStatusCode.OK)), timeline.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt32()));
    }

    private async Task<List<string>> QueueAsync(HttpClient client, string query)
    {
        var numbers = new List<string>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/staff/queues?queue={query}&limit=100" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}"), _ct);
            numbers.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("complaint").GetProperty("number").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return numbers;
    }
}

public sealed class CaseApiOnSqlite(SqliteApp app) : CaseApiTests(app);

public sealed class CaseApiOnPostgres(PostgresApp app) : CaseApiTests(app);
