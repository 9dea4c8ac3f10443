using System.Net.Http.Json;
using System.Text.Json;
using Redress.SharedKernel.Security;
using static Redress.Api.Tests.Eventually;

namespace Redress.Api.Tests;

/// <summary>The timeline as an outbox, end to end in the real host: case steps reach the customer in their language.</summary>
public abstract class ComplaintNotificationsTests(RedressApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Acknowledging_sends_the_customer_an_email_and_an_inbox_message_in_english_with_number_and_deadline_once()
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer, "GB", "en");
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        var number = await CaseFiles.FileAsync(customer, _ct, transactionReference: null);
        var filed = await customer.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct);
        var due = filed.GetProperty("deadlines");
        Assert.Equal("GB-PaymentServices", due.GetProperty("policy").GetString());

        await CaseFiles.PostOkAsync(agent, $"/api/complaints/{number}/acknowledge", null, _ct);

        var inbox = await WaitForAsync(async () =>
        {
            var page = await customer.GetFromJsonAsync<JsonElement>("/api/inbox", _ct);
            return page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("complaintNumber").GetString() == number).ToList() is { Count: > 0 } found ? found : null;
        });
        var message = Assert.Single(inbox);
        Assert.Equal("complaint.acknowledged", message.GetProperty("eventType").GetString());
        var body = message.GetProperty("body").GetString()!;
        Assert.Contains("answer", body, StringComparison.OrdinalIgnoreCase);
        var finalDue = due.GetProperty("finalDueAt").GetDateTimeOffset();
        Assert.Contains(finalDue.UtcDateTime.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), body, StringComparison.Ordinal);

        var mail = await WaitForAsync(() => Task.FromResult(
            Directory.Exists(app.MailPickupFolder)
                ? Directory.GetFiles(app.MailPickupFolder, "*.eml").Where(f => File.ReadAllText(f).Contains(number, StringComparison.Ordinal)).ToList() is { Count: > 0 } files ? files : null
                : null));
        Assert.Single(mail);

        // Both channels report back on the staff timeline, once each.
        var reports = await WaitForAsync(async () =>
        {
            var seen = await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct);
            var entries = seen.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("type").GetString() == "notification.delivery").ToList();
            return entries.Count >= 2 ? entries : null;
        });
        Assert.Equal(2, reports.Count);
        Assert.Equal(
            ["email Sent", "inapp Sent"],
            reports.Select(r => r.GetProperty("delivery").GetProperty("channel").GetString() + " " + r.GetProperty("delivery").GetProperty("outcome").GetString()).Order(StringComparer.Ordinal));
        // The case page says it in words: a bearer client sends no language, so the page is in English.
        var page = await agent.GetStringAsync($"/complaints/{number}", _ct);
        Assert.Contains("Email notification: sent", page, StringComparison.Ordinal);
        Assert.Contains("In-app notification: sent", page, StringComparison.Ordinal);
        var customerView = await customer.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct);
        Assert.DoesNotContain(customerView.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("type").GetString() == "notification.delivery");
    }

}

public sealed class ComplaintNotificationsOnSqlite(SqliteApp app) : ComplaintNotificationsTests(app);

public sealed class ComplaintNotificationsOnPostgres(PostgresApp app) : ComplaintNotificationsTests(app);
