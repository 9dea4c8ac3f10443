using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Redress.Complaints.Features;
using Redress.SharedKernel.Security;

namespace Redress.Api.Tests;

/// <summary>
/// Deadlines end to end with the app's clock driven by the test: the holding reply and the extended deadline, a
/// breach escalated to the supervisors, and merged or withdrawn complaints that never announce anything.
/// </summary>
public abstract class SlaApiTests(RedressApp app)
{
    private static readonly TimeSpan s_minute = TimeSpan.FromMinutes(1);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_holding_reply_tells_the_customer_why_and_moves_the_final_deadline_and_the_sla_plan_to_the_extended_one()
    {
        var customerEmail = await app.CreateUserAsync(RedressRoles.Customer, "GB", "en");
        var agentEmail = await app.CreateUserAsync(RedressRoles.Agent);
        using var customer = await app.SignInAsync(customerEmail);
        using var agent = await app.SignInAsync(agentEmail);
        var number = await CaseFiles.FileAsync(customer, _ct, transactionReference: null);
        var path = $"/api/complaints/{number}";
        await CaseFiles.PostOkAsync(agent, $"{path}/acknowledge", null, _ct);
        var filed = (await agent.GetFromJsonAsync<JsonElement>(path, _ct)).GetProperty("deadlines");
        var originalFinal = filed.GetProperty("finalDueAt").GetDateTimeOffset();
        var extended = filed.GetProperty("extendedFinalBy").GetDateTimeOffset();
        Assert.True(extended > originalFinal);
        Assert.Contains("SendHoldingReply", (await agent.GetFromJsonAsync<JsonElement>(path, _ct)).GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));

        await (await customer.PostAsJsonAsync($"{path}/holding-reply", new { reasons = "Me, myself." }, _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await agent.PostAsJsonAsync($"{path}/holding-reply", new { reasons = "   " }, _ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "reasons");
        await (await agent.PostAsJsonAsync($"{path}/holding-reply", new { reasons = new string('x', 4001) }, _ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "reasons");

        const string reasons = "We are waiting for the card scheme's report on the transfer.";
        var sent = await CaseFiles.PostOkAsync(agent, $"{path}/holding-reply", new { reasons }, _ct);
        var due = sent.GetProperty("deadlines");
        Assert.Equal(extended, due.GetProperty("finalDueAt").GetDateTimeOffset());
        Assert.InRange(due.GetProperty("holdingReplySentAt").GetDateTimeOffset(), app.Clock!.GetUtcNow() - TimeSpan.FromSeconds(1), app.Clock.GetUtcNow());
        Assert.DoesNotContain("SendHoldingReply", sent.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        await (await agent.PostAsJsonAsync($"{path}/holding-reply", new { reasons }, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);

        // The customer sees the reasons and the new date, and gets them in the app and by e-mail, in English, once.
        var seen = await customer.GetFromJsonAsync<JsonElement>(path, _ct);
        Assert.Equal(extended, seen.GetProperty("deadlines").GetProperty("finalDueAt").GetDateTimeOffset());
        Assert.Contains(seen.GetProperty("conversation").EnumerateArray(), m => m.GetProperty("kind").GetString() == "HoldingReply" && m.GetProperty("body").GetString() == reasons);
        Assert.Contains("complaint.holding-reply-sent", TimelineTypes(seen));
        var inbox = await WaitForAsync(async () => await InboxAsync(customer, number, "complaint.holding_reply") is { Count: > 0 } found ? found : null);
        var message = Assert.Single(inbox);
        var body = message.GetProperty("body").GetString()!;
        Assert.Contains(reasons, body, StringComparison.Ordinal);
        Assert.Contains(extended.UtcDateTime.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), body, StringComparison.Ordinal);
        var mail = await WaitForAsync(() => Task.FromResult(MailsTo(customerEmail, number).Where(m => m.Contains("we need a little more time", StringComparison.Ordinal)).ToList() is { Count: > 0 } files ? files : null));
        Assert.Single(mail);

        // Past the original deadline nothing is due any more: no breach, and the holding reply is never prompted.
        app.Clock.SetUtcNow(originalFinal + s_minute);
        await SweepAsync();
        using var staff = await app.SignInAsync(agentEmail);
        var afterOriginal = await staff.GetFromJsonAsync<JsonElement>(path, _ct);
        Assert.DoesNotContain("sla.breached", TimelineTypes(afterOriginal));

        // The warnings and the breach follow the extended deadline.
        app.Clock.SetUtcNow(extended + s_minute);
        await SweepAsync();
        using var later = await app.SignInAsync(agentEmail);
        var sla = TimelineTypes(await later.GetFromJsonAsync<JsonElement>(path, _ct)).Where(t => t!.StartsWith("sla.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["sla.warning", "sla.warning", "sla.breached"], sla);
    }

    [Fact]
    public async Task A_holding_reply_is_refused_where_the_policy_has_none_and_on_a_closed_complaint()
    {
        using var chinese = await app.ClientForAsync(RedressRoles.Customer, "CN", "zh-CN");
        using var british = await app.ClientForAsync(RedressRoles.Customer, "GB", "en");
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        var cn = await CaseFiles.FileAsync(chinese, _ct, transactionReference: null);
        var refused = await (await agent.PostAsJsonAsync($"/api/complaints/{cn}/holding-reply", new { reasons = "需要更多时间。" }, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("holding_reply_not_in_policy", refused.GetProperty("code").GetString());

        var gb = await CaseFiles.FileAsync(british, _ct, transactionReference: null);
        await CaseFiles.PostOkAsync(british, $"/api/complaints/{gb}/withdraw", null, _ct);
        await (await agent.PostAsJsonAsync($"/api/complaints/{gb}/holding-reply", new { reasons = "Waiting for the bank." }, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_breach_reaches_the_owner_and_every_supervisor_in_the_app_and_by_email_once_each()
    {
        var ownerEmail = await app.CreateUserAsync(RedressRoles.Agent);
        var englishSupervisor = await app.CreateUserAsync(RedressRoles.Supervisor, "GB", "en");
        var chineseSupervisor = await app.CreateUserAsync(RedressRoles.Supervisor);
        using var customer = await app.ClientForAsync(RedressRoles.Customer, "CN", "zh-CN");
        using var owner = await app.SignInAsync(ownerEmail);
        var owned = await CaseFiles.FileAsync(customer, _ct, transactionReference: null);
        var unowned = await CaseFiles.FileAsync(customer, _ct, transactionReference: null);
        var assigned = await CaseFiles.PostOkAsync(owner, $"/api/complaints/{owned}/assign", new { assigneeId = await UserIdAsync(owner) }, _ct);
        var final = assigned.GetProperty("deadlines").GetProperty("finalDueAt").GetDateTimeOffset();

        app.Clock!.SetUtcNow(final + s_minute);
        await SweepAsync();

        using var ownerNow = await app.SignInAsync(ownerEmail);
        using var english = await app.SignInAsync(englishSupervisor);
        using var chinese = await app.SignInAsync(chineseSupervisor);
        foreach (var (client, number) in new[] { (ownerNow, owned), (english, owned), (chinese, owned), (english, unowned), (chinese, unowned) })
        {
            await WaitForAsync(async () => await InboxAsync(client, number, "staff.sla_breached") is { Count: > 0 } found ? found : null);
        }

        // Let further delivery rounds run: nothing arrives twice.
        for (var i = 0; i < 10; i++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100, _ct);
        }

        Assert.Single(await InboxAsync(ownerNow, owned, "staff.sla_breached"));
        Assert.Empty(await InboxAsync(ownerNow, unowned, "staff.sla_breached"));
        var englishAlert = Assert.Single(await InboxAsync(english, owned, "staff.sla_breached"));
        Assert.Contains("Deadline missed", englishAlert.GetProperty("title").GetString(), StringComparison.Ordinal);
        var chineseAlert = Assert.Single(await InboxAsync(chinese, owned, "staff.sla_breached"));
        Assert.Contains("已超期", chineseAlert.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Single(await InboxAsync(english, unowned, "staff.sla_breached"));

        foreach (var (email, number) in new[] { (ownerEmail, owned), (englishSupervisor, owned), (chineseSupervisor, owned), (englishSupervisor, unowned) })
        {
            var mails = await WaitForAsync(() => Task.FromResult(BreachMailsTo(email, number) is { Count: > 0 } files ? files : null));
            Assert.Single(mails);
        }
    }

    [Fact]
    public async Task A_merged_duplicate_and_a_withdrawn_complaint_stop_their_clocks_and_announce_nothing()
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer, "GB", "en");
        var agentEmail = await app.CreateUserAsync(RedressRoles.Agent);
        using var agent = await app.SignInAsync(agentEmail);
        var survivor = await CaseFiles.FileAsync(customer, _ct, transactionReference: null);
        var duplicate = await CaseFiles.FileAsync(customer, _ct, transactionReference: null);
        var withdrawn = await CaseFiles.FileAsync(customer, _ct, transactionReference: null);
        await CaseFiles.PostOkAsync(agent, $"/api/complaints/{duplicate}/merge", new { survivor }, _ct);
        await CaseFiles.PostOkAsync(customer, $"/api/complaints/{withdrawn}/withdraw", null, _ct);
        var final = (await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{survivor}", _ct)).GetProperty("deadlines").GetProperty("finalDueAt").GetDateTimeOffset();

        app.Clock!.SetUtcNow(final + TimeSpan.FromDays(40));
        await SweepAsync();

        using var staff = await app.SignInAsync(agentEmail);
        Assert.Contains("sla.breached", TimelineTypes(await staff.GetFromJsonAsync<JsonElement>($"/api/complaints/{survivor}", _ct)));
        foreach (var number in new[] { duplicate, withdrawn })
        {
            var seen = await staff.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct);
            Assert.DoesNotContain(TimelineTypes(seen), t => t!.StartsWith("sla.", StringComparison.Ordinal));
        }

        var atRisk = await staff.GetFromJsonAsync<JsonElement>("/api/staff/at-risk?limit=100", _ct);
        var listed = atRisk.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("complaint").GetProperty("number").GetString()).ToList();
        Assert.Contains(survivor, listed);
        Assert.DoesNotContain(duplicate, listed);
        Assert.DoesNotContain(withdrawn, listed);
    }

    private static IEnumerable<string?> TimelineTypes(JsonElement complaint) =>
        complaint.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString());

    private async Task<List<JsonElement>> InboxAsync(HttpClient client, string number, string eventType)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/inbox?limit=100", _ct);
        return [.. page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("complaintNumber").GetString() == number && i.GetProperty("eventType").GetString() == eventType)];
    }

    private List<string> MailsTo(string address, string number) =>
        Directory.Exists(app.MailPickupFolder)
            ? [.. Directory.GetFiles(app.MailPickupFolder, "*.eml").Select(File.ReadAllText).Where(m => m.Contains(number, StringComparison.Ordinal) && m.Contains(address, StringComparison.OrdinalIgnoreCase))]
            : [];

    /// <summary>Breach alerts only (the owner also gets assignment and warning mail); subjects are MIME-encoded, so parsed.</summary>
    private List<string> BreachMailsTo(string address, string number) =>
        Directory.Exists(app.MailPickupFolder)
            ? [.. Directory.GetFiles(app.MailPickupFolder, "*.eml")
                .Select(path => MimeKit.MimeMessage.Load(path))
                .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))
                    && (m.Subject ?? string.Empty).Contains(number, StringComparison.Ordinal)
                    && ((m.Subject ?? string.Empty).Contains("Deadline missed", StringComparison.Ordinal) || (m.Subject ?? string.Empty).Contains("已超期", StringComparison.Ordinal)))
                .Select(m => m.MessageId ?? string.Empty)]
            : [];

    private async Task<Guid> UserIdAsync(HttpClient client)
    {
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me", _ct);
        return me.GetProperty("userId").GetGuid();
    }

    /// <summary>Runs SLA sweeps until nothing is due, as the monitor would on its next polls.</summary>
    private async Task SweepAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sweep = scope.ServiceProvider.GetRequiredService<SlaSweep>();
        while (await sweep.RunOnceAsync(_ct) > 0)
        {
        }
    }

    /// <summary>Waits for background delivery, moving the app's clock on a little each time so its workers' polls come due.</summary>
    private Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class => Eventually.WaitForAsync(probe, () => app.Clock!.Advance(TimeSpan.FromSeconds(1)));
}

public sealed class SlaApiOnSqlite(ClockedSqliteApp app) : SlaApiTests(app), IClassFixture<ClockedSqliteApp>;

public sealed class SlaApiOnPostgres(ClockedPostgresApp app) : SlaApiTests(app), IClassFixture<ClockedPostgresApp>;
