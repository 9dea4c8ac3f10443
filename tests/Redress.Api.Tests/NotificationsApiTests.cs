using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Redress.Notifications.Data;
using Redress.Notifications.Features;
using Redress.SharedKernel.Security;

namespace Redress.Api.Tests;

public abstract class NotificationsApiTests(RedressApp app)
{
    private const string TemplatePath = "/api/notifications/templates/complaint.acknowledged/email/en";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_lists_reads_and_edits_a_template()
    {
        using var admin = await app.ClientForAsync(RedressRoles.Administrator);

        var all = await admin.GetFromJsonAsync<JsonElement>("/api/notifications/templates", _ct);
        // Customer events × two languages × three channels, plus staff alerts × two languages × two channels.
        Assert.Equal((7 * 2 * 3) + (4 * 2 * 2), all.GetArrayLength());

        var response = await admin.PutAsJsonAsync(TemplatePath, new { subject = "Received: {ComplaintNumber}", body = "Dear {RecipientName}, we answer by {Deadline}." }, _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var stored = await admin.GetFromJsonAsync<JsonElement>(TemplatePath, _ct);
        Assert.Equal("Received: {ComplaintNumber}", stored.GetProperty("subject").GetString());
        Assert.True(stored.GetProperty("customized").GetBoolean());
        Assert.Contains("Deadline", stored.GetProperty("placeholders").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task A_template_with_an_unknown_placeholder_is_refused_naming_the_field()
    {
        using var admin = await app.ClientForAsync(RedressRoles.Administrator);

        var response = await admin.PutAsJsonAsync(TemplatePath, new { subject = "Received {ComplaintNumber}", body = "You owe us {Amount}." }, _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "body");
        Assert.Contains("{Amount}", problem.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        var unchanged = await admin.GetFromJsonAsync<JsonElement>(TemplatePath, _ct);
        Assert.False(unchanged.GetProperty("customized").GetBoolean() && unchanged.GetProperty("body").GetString()!.Contains("{Amount}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_sms_template_refuses_a_subject_and_an_unknown_template_is_not_found()
    {
        using var admin = await app.ClientForAsync(RedressRoles.Administrator);

        var sms = await admin.PutAsJsonAsync("/api/notifications/templates/complaint.resolved/sms/zh-CN", new { subject = "x", body = "投诉 {ComplaintNumber} 已有答复。" }, _ct);
        await sms.AssertProblemAsync(HttpStatusCode.BadRequest, "subject");
        await (await admin.GetAsync("/api/notifications/templates/staff.assigned/sms/en", _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync("/api/notifications/templates/complaint.unknown/email/en", _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(RedressRoles.Customer)]
    [InlineData(RedressRoles.Agent)]
    [InlineData(RedressRoles.ComplianceOfficer)]
    public async Task Only_administrators_reach_the_templates(string role)
    {
        using var client = await app.ClientForAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/notifications/templates", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync(TemplatePath, new { subject = "s {ComplaintNumber}", body = "b" }, _ct)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_reach_neither_templates_nor_inbox()
    {
        app.EnsureAvailable();
        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/notifications/templates", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/inbox", _ct)).StatusCode);
    }

    [Fact]
    public async Task A_customer_sees_only_their_own_inbox_and_cannot_mark_anothers_message()
    {
        var (mine, minesId) = await SignedInWithMessagesAsync(3);
        var (other, othersId) = await SignedInWithMessagesAsync(1);
        using (mine)
        using (other)
        {
            var firstPage = await mine.GetFromJsonAsync<JsonElement>("/api/inbox?limit=2", _ct);
            var items = firstPage.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(2, items.Count);
            Assert.True(items[0].GetProperty("id").GetInt64() > items[1].GetProperty("id").GetInt64());
            var cursor = firstPage.GetProperty("nextCursor").GetString();
            var secondPage = await mine.GetFromJsonAsync<JsonElement>($"/api/inbox?limit=2&cursor={cursor}", _ct);
            Assert.Single(secondPage.GetProperty("items").EnumerateArray());
            Assert.Equal(JsonValueKind.Null, secondPage.GetProperty("nextCursor").ValueKind);
            Assert.Equal(3, (await mine.GetFromJsonAsync<UnreadCount>("/api/inbox/unread", _ct))!.Unread);

            await (await mine.PostAsync($"/api/inbox/{othersId}/read", null, _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal(1, (await other.GetFromJsonAsync<UnreadCount>("/api/inbox/unread", _ct))!.Unread);

            Assert.Equal(HttpStatusCode.NoContent, (await mine.PostAsync($"/api/inbox/{minesId}/read", null, _ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await mine.PostAsync($"/api/inbox/{minesId}/read", null, _ct)).StatusCode);
            Assert.Equal(2, (await mine.GetFromJsonAsync<UnreadCount>("/api/inbox/unread", _ct))!.Unread);
            await (await mine.GetAsync("/api/inbox?cursor=not-ours", _ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "cursor");
        }
    }

    /// <summary>A signed-in customer whose inbox holds <paramref name="count"/> messages; returns the id of the newest.</summary>
    private async Task<(HttpClient Client, long NewestId)> SignedInWithMessagesAsync(int count)
    {
        var client = await app.ClientForAsync(RedressRoles.Customer);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me", _ct);
        var userId = Guid.Parse(me.GetProperty("userId").GetString()!);
        // Messages arrive through the delivery worker once the complaints module feeds it; here they are put in place.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var messages = Enumerable.Range(0, count).Select(i => new InboxMessage
        {
            RecipientId = userId,
            EventId = Random.Shared.NextInt64(1, long.MaxValue),
            ComplaintNumber = "RD-TEST",
            EventType = "complaint.acknowledged",
            Title = $"Message {i}",
            Body = "We have registered your complaint.",
            CreatedAt = TimeProvider.System.GetUtcNow(),
        }).ToList();
        foreach (var message in messages)
        {
            db.Inbox.Add(message);
            await db.SaveChangesAsync(_ct);
        }

        return (client, messages[^1].Id);
    }
}

public sealed class NotificationsApiOnSqlite(SqliteApp app) : NotificationsApiTests(app);

public sealed class NotificationsApiOnPostgres(PostgresApp app) : NotificationsApiTests(app);
