using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Redress.Browser.Tests.Journey;

namespace Redress.Browser.Tests;

/// <summary>
/// A customer files a complaint, an agent acknowledges it, and the acknowledgement reaches the customer's inbox
/// through the notification worker: the top bar counts it, the inbox lists it, reading it lowers the count.
/// </summary>
public sealed partial class InboxJourneyTests(AppFixture app) : IClassFixture<AppFixture>
{

    [Fact]
    public async Task The_acknowledgement_reaches_the_inbox_is_counted_in_the_top_bar_and_reading_it_lowers_the_count()
    {
        await using var customerContext = await app.NewContextAsync("en-GB");
        var customer = await customerContext.NewPageAsync();
        await SignInInEnglishAsync(customer, "emily.clarke@example.com");
        var number = await FileAsync(customer);

        await using var agentContext = await app.NewContextAsync("en-US");
        var agent = await agentContext.NewPageAsync();
        await SignInInEnglishAsync(agent, "agent@example.com");
        await agent.GotoAsync($"/complaints/{number}");
        await Click(agent, "Acknowledge", expectDone: false);
        await Expect(agent.Locator(".banner-success")).ToBeVisibleAsync();

        // The worker delivers in the background; wait until the customer's inbox holds the message, asked with the
        // customer's own cookie, then look at what the pages show. The predicate must be synchronous (Playwright
        // treats a returned promise as truthy at once), hence the synchronous request.
        await customer.WaitForFunctionAsync(
            """
            number => {
                const request = new XMLHttpRequest();
                request.open('GET', '/api/inbox?limit=100', false);
                request.send();
                return request.status === 200 && JSON.parse(request.responseText).items.some(i => i.complaintNumber === number);
            }
            """,
            number,
            new PageWaitForFunctionOptions { PollingInterval = 250, Timeout = 30_000 });
        await customer.GotoAsync("/complaints");
        var badge = customer.Locator(".nav-inbox .unread-count");
        await Expect(badge).ToBeVisibleAsync();
        var before = int.Parse((await badge.GetAttributeAsync("data-unread"))!, CultureInfo.InvariantCulture);
        Assert.True(before >= 1);

        await customer.GetByRole(AriaRole.Link, new() { Name = "Inbox" }).ClickAsync();
        await customer.WaitForURLAsync(url => url.EndsWith("/inbox", StringComparison.Ordinal));
        var item = customer.Locator(".inbox-item", new() { HasText = number });
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item.Locator(".inbox-title")).ToHaveTextAsync($"Complaint {number} received");
        await Expect(item.Locator(".badge-unread")).ToHaveTextAsync("Unread");
        await Expect(item.Locator($"a[href='/complaints/{number}']")).ToBeVisibleAsync();

        await Click(customer, item.GetByRole(AriaRole.Button, new() { Name = "Mark as read" }));

        await Expect(item.Locator(".badge-unread")).ToHaveCountAsync(0);
        if (before == 1)
        {
            await Expect(badge).ToHaveCountAsync(0);
        }
        else
        {
            await Expect(badge).ToHaveAttributeAsync("data-unread", (before - 1).ToString(CultureInfo.InvariantCulture));
        }

        await customer.GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();
        await Expect(customer.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(customer.Locator("h1")).ToHaveTextAsync("消息");
        await Expect(customer.GetByRole(AriaRole.Link, new() { Name = "消息" })).ToBeVisibleAsync();
        await Expect(customer.Locator(".inbox-item", new() { HasText = number })).ToHaveCountAsync(1);
    }

    private static async Task<string> FileAsync(IPage page)
    {
        await page.GotoAsync("/complaints/new");
        await page.Locator("#category").SelectOptionAsync("Other");
        await page.Locator("#occurredAt").FillAsync(TimeProvider.System.GetUtcNow().AddDays(-2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await page.Locator("#description").FillAsync("My loyalty points vanished after the app update.");
        await page.Locator("#desiredOutcome").FillAsync("Restore my points.");
        await page.Locator("form.complaint-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(ComplaintUrl());
        return ComplaintUrl().Match(page.Url).Groups["number"].Value;
    }
}
