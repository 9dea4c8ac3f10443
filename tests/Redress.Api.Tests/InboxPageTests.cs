using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Redress.Notifications.Data;
using Redress.Notifications.Features;
using Redress.SharedKernel.Security;

namespace Redress.Api.Tests;

/// <summary>
/// The <c>/inbox</c> page and its form posts in the real host: a reader sees and marks only their own messages,
/// and the layout's unread count follows.
/// </summary>
public abstract partial class InboxPageTests(RedressApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_lists_only_the_readers_messages_newest_first_with_the_unread_count_in_the_layout()
    {
        var (mine, myMessages) = await SignedInWithMessagesAsync("mine", 3);
        var (other, othersMessages) = await SignedInWithMessagesAsync("theirs", 1);
        using (mine)
        using (other)
        {
            var html = await mine.GetStringAsync("/inbox", _ct);

            Assert.Equal("3", UnreadBadge().Match(html).Groups["count"].Value);
            var shown = MessageIds().Matches(html).Select(m => long.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(myMessages.Select(m => m.Id).OrderDescending(), shown);
            Assert.DoesNotContain(othersMessages[0].Title, html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/complaints/{myMessages[0].ComplaintNumber}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Marking_one_or_all_read_changes_only_the_readers_messages_and_needs_the_antiforgery_token()
    {
        var (mine, myMessages) = await SignedInWithMessagesAsync("mine", 3);
        var (other, othersMessages) = await SignedInWithMessagesAsync("theirs", 1);
        using (mine)
        using (other)
        {
            var token = AntiforgeryToken().Match(await mine.GetStringAsync("/inbox", _ct)).Groups["token"].Value;
            Assert.NotEmpty(token);

            // Someone else's message: the page comes back, their message stays unread.
            var response = await PostFormAsync(mine, $"/inbox/{othersMessages[0].Id}/read", token);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/inbox", response.Headers.Location!.OriginalString);
            Assert.Equal(1, await UnreadAsync(other));

            // No token: nothing changes.
            await PostFormAsync(mine, $"/inbox/{myMessages[0].Id}/read", token: null);
            Assert.Equal(3, await UnreadAsync(mine));

            await PostFormAsync(mine, $"/inbox/{myMessages[0].Id}/read", token);
            Assert.Equal(2, await UnreadAsync(mine));
            var html = await mine.GetStringAsync("/inbox", _ct);
            Assert.Equal("2", UnreadBadge().Match(html).Groups["count"].Value);
            Assert.DoesNotContain($"action=\"/inbox/{myMessages[0].Id}/read\"", html, StringComparison.Ordinal);
            Assert.Contains($"action=\"/inbox/{myMessages[1].Id}/read\"", html, StringComparison.Ordinal);

            await PostFormAsync(mine, "/inbox/read", token);
            Assert.Equal(0, await UnreadAsync(mine));
            Assert.Equal(1, await UnreadAsync(other));
            Assert.DoesNotMatch(UnreadBadge(), await mine.GetStringAsync("/inbox", _ct));
        }
    }

    [Fact]
    public async Task Older_messages_are_a_page_away_and_a_forged_return_address_goes_back_to_the_inbox()
    {
        var (mine, myMessages) = await SignedInWithMessagesAsync("mine", 30);
        using (mine)
        {
            var first = await mine.GetStringAsync("/inbox", _ct);
            var older = OlderLink().Match(first).Groups["href"].Value;
            Assert.NotEmpty(older);
            var second = await mine.GetStringAsync(WebUtility.HtmlDecode(older), _ct);
            var firstIds = MessageIds().Matches(first).Select(m => m.Groups["id"].Value).ToList();
            var secondIds = MessageIds().Matches(second).Select(m => m.Groups["id"].Value).ToList();
            Assert.Equal((25, 5), (firstIds.Count, secondIds.Count));
            Assert.Empty(firstIds.Intersect(secondIds));
            Assert.Contains(myMessages[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), secondIds);

            var token = AntiforgeryToken().Match(first).Groups["token"].Value;
            var response = await PostFormAsync(mine, $"/inbox/{myMessages[0].Id}/read", token, returnUrl: "https://evil.example/inbox");
            Assert.Equal("/inbox", response.Headers.Location!.OriginalString);
            var back = await PostFormAsync(mine, $"/inbox/{myMessages[1].Id}/read", token, returnUrl: WebUtility.HtmlDecode(older));
            Assert.Equal(WebUtility.HtmlDecode(older), back.Headers.Location!.OriginalString);
            Assert.Equal(28, await UnreadAsync(mine));

            var bad = await mine.GetAsync("/inbox?cursor=not-ours", _ct);
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("alert-error", await bad.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        }
    }

    private async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string? token, string returnUrl = "/inbox")
    {
        var fields = new Dictionary<string, string> { ["returnUrl"] = returnUrl };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, form, _ct);
    }

    private async Task<int> UnreadAsync(HttpClient client) => (await client.GetFromJsonAsync<UnreadCount>("/api/inbox/unread", _ct))!.Unread;

    /// <summary>A signed-in customer whose inbox holds <paramref name="count"/> messages, oldest first.</summary>
    private async Task<(HttpClient Client, List<InboxMessage> Messages)> SignedInWithMessagesAsync(string label, int count)
    {
        using var signedIn = await app.ClientForAsync(RedressRoles.Customer, "GB", "en");
        // Redirects are checked, not followed: HttpClient drops the bearer token when it follows one.
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me", _ct);
        var userId = Guid.Parse(me.GetProperty("userId").GetString()!);
        // The delivery worker's path to the inbox is tested in SmtpOutageTests; here the rows are put in place.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var messages = Enumerable.Range(0, count).Select(i => new InboxMessage
        {
            RecipientId = userId,
            EventId = Random.Shared.NextInt64(1, long.MaxValue),
            ComplaintNumber = $"RD-{i:D2}",
            EventType = "complaint.acknowledged",
            Title = $"Message {label} {marker} {i}",
            Body = "We have registered your complaint.",
            CreatedAt = TimeProvider.System.GetUtcNow(),
        }).ToList();
        foreach (var message in messages)
        {
            db.Inbox.Add(message);
            await db.SaveChangesAsync(_ct);
        }

        return (client, messages);
    }

    [GeneratedRegex("class=\"unread-count\" data-unread=\"(?<count>\\d+)\"")]
    private static partial Regex UnreadBadge();

    [GeneratedRegex("data-message-id=\"(?<id>\\d+)\"")]
    private static partial Regex MessageIds();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<a class=\"button\" href=\"(?<href>/inbox\\?cursor=[^\"]+)\"")]
    private static partial Regex OlderLink();
}

public sealed class InboxPageOnSqlite(SqliteApp app) : InboxPageTests(app);

public sealed class InboxPageOnPostgres(PostgresApp app) : InboxPageTests(app);
