using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Redress.Browser.Tests.Journey;

namespace Redress.Browser.Tests;

/// <summary>
/// A customer answers an information request with a screenshot, nudges, receives an outcome and appeals; a supervisor
/// who did not handle the complaint decides the appeal, and the customer then sees where else to go.
/// </summary>
public sealed partial class CaseJourneyTests(AppFixture app) : IClassFixture<AppFixture>
{

    private static readonly byte[] s_screenshot = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_customer_answers_with_a_screenshot_nudges_appeals_and_a_supervisor_decides()
    {
        await using var customerContext = await app.NewContextAsync("en-US");
        var customer = await customerContext.NewPageAsync();
        await SignInInEnglishAsync(customer, "james.miller@example.com");
        await customer.GotoAsync("/complaints");
        await customer.Locator("a.number").First.ClickAsync();
        await customer.WaitForURLAsync(ComplaintUrl());
        var number = ComplaintUrl().Match(customer.Url).Groups["number"].Value;

        await using var agentContext = await app.NewContextAsync("en-US");
        var agent = await agentContext.NewPageAsync();
        await SignInInEnglishAsync(agent, "agent@example.com");
        await agent.GotoAsync($"/complaints/{number}");
        await Click(agent, "Acknowledge");
        await agent.Locator("#action-body").FillAsync("Please send a screenshot of the refund confirmation.");
        await Click(agent, "Ask the customer for information");
        await Expect(agent.Locator(".conversation")).ToContainTextAsync("Information requested");

        await customer.ReloadAsync();
        await Expect(customer.Locator(".next-move")).ToContainTextAsync(new Regex("you", RegexOptions.IgnoreCase));
        await customer.Locator("#action-body").FillAsync("Here is the merchant's refund confirmation.");
        await customer.Locator("#action-files").SetInputFilesAsync(new FilePayload { Name = "refund.png", MimeType = "image/png", Buffer = s_screenshot });
        await Click(customer, "Send message");
        await Expect(customer.Locator(".attachments a")).ToHaveTextAsync("refund.png");
        await Click(customer, "Follow up (nudge)");
        await Expect(customer.Locator(".timeline")).ToContainTextAsync("Follow-up received; priority raised");
        await Expect(customer.GetByRole(AriaRole.Button, new() { Name = "Follow up (nudge)" })).ToHaveCountAsync(0);

        await agent.ReloadAsync();
        await Expect(agent.Locator(".attachments a")).ToHaveTextAsync("refund.png");
        await agent.Locator("#action-body").FillAsync("Looked into the ledger; nothing for the agent's eyes only yet.");
        await Click(agent, "Add internal note");
        await Click(agent, "Triage");
        await Click(agent, "Start investigation");
        await agent.Locator("#action-outcome").SelectOptionAsync("NotUpheld");
        await agent.Locator("#action-closure").SelectOptionAsync("ClosedWithExplanation");
        await agent.Locator("#action-body").FillAsync("The merchant has not sent the refund yet; we cannot credit it.");
        await Click(agent, "Resolve");

        await customer.ReloadAsync();
        await Expect(customer.Locator("body")).Not.ToContainTextAsync("agent's eyes only");
        await Expect(customer.Locator(".conversation")).ToContainTextAsync("Our answer");
        await Expect(customer.Locator(".letter")).ToContainTextAsync("Final response to your complaint");
        await Expect(customer.Locator(".letter")).ToContainTextAsync("we do not uphold your complaint");
        await Expect(customer.Locator("a[href$='/final-response.pdf']")).ToBeVisibleAsync();
        await customer.Locator("#action-body").FillAsync("The merchant confirmed the refund two weeks ago; please chase it.");
        await Click(customer, "Appeal");
        await Expect(customer.GetByRole(AriaRole.Button, new() { Name = "Appeal" })).ToHaveCountAsync(0);

        await using var supervisorContext = await app.NewContextAsync("en-US");
        var supervisor = await supervisorContext.NewPageAsync();
        await SignInInEnglishAsync(supervisor, "supervisor@example.com");
        await supervisor.GotoAsync($"/complaints/{number}");
        await Click(supervisor, "Take the appeal for review");
        await supervisor.Locator("#action-outcome").SelectOptionAsync("Upheld");
        await supervisor.Locator("#action-closure").SelectOptionAsync("ClosedWithMonetaryRelief");
        await supervisor.Locator("#action-body").FillAsync("We credit the refund now and chase the merchant ourselves.");
        await Click(supervisor, "Decide the appeal");

        await customer.ReloadAsync();
        await Expect(customer.Locator(".facts")).ToContainTextAsync("Upheld");
        await Expect(customer.Locator(".letter")).ToContainTextAsync("Our decision: we uphold your complaint.");
        await Expect(customer.Locator("#routes-heading")).ToBeVisibleAsync();
        await Expect(customer.Locator(".routes")).ToContainTextAsync("Consumer Financial Protection Bureau");
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_or_pdf_is_refused_next_to_the_field()
    {
        await using var context = await app.NewContextAsync("en-US");
        var page = await context.NewPageAsync();
        await SignInInEnglishAsync(page, "emily.clarke@example.com");
        await page.GotoAsync("/complaints");
        await page.Locator("a.number").First.ClickAsync();

        await page.Locator("#action-body").FillAsync("My statement.");
        await page.Locator("#action-files").SetInputFilesAsync(new FilePayload { Name = "statement.png", MimeType = "image/png", Buffer = "not a png"u8.ToArray() });
        await Click(page, "Send message", expectDone: false);

        await Expect(page.Locator("#action-files-error")).ToContainTextAsync("statement.png");
        await Expect(page.Locator("#action-files")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator(".conversation")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Filing_again_about_the_same_transaction_offers_to_add_to_the_open_complaint()
    {
        await using var context = await app.NewContextAsync("en-US");
        var page = await context.NewPageAsync();
        await SignInInEnglishAsync(page, "sophie.martin@example.com");
        var first = await FileAsync(page, "TX-DUP-4711", "The top-up failed but my card was charged.");
        var second = await FileAsync(page, "TX-DUP-4711", "Also: the bank shows the charge twice now.");

        await Expect(page.Locator(".banner:not(.banner-success)")).ToContainTextAsync(first);
        await Click(page, $"Add to {first}");

        Assert.EndsWith($"/complaints/{first}?done=SendMessage", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator(".conversation")).ToContainTextAsync("the bank shows the charge twice now");
        await page.GotoAsync($"/complaints/{second}");
        await Expect(page.Locator(".status")).ToContainTextAsync("Withdrawn");
    }

    [Fact]
    public async Task The_staff_queue_shows_a_new_complaint_without_a_reload()
    {
        await using var agentContext = await app.NewContextAsync("en-US");
        var agent = await agentContext.NewPageAsync();
        await SignInInEnglishAsync(agent, "agent@example.com");
        await agent.GotoAsync("/staff/queue?queue=Unassigned&category=Other");
        await agent.EvaluateAsync("document.body.dataset.sameDocument = '1'");

        await using var customerContext = await app.NewContextAsync("en-US");
        var customer = await customerContext.NewPageAsync();
        await SignInInEnglishAsync(customer, "chen.meiling@example.com");
        var number = await FileAsync(customer, "TX-LIVE-1", "The app logged me out and my points vanished.", "Other");

        await Expect(agent.Locator("#queue-results")).ToContainTextAsync(number, new() { Timeout = 20_000 });
        await Expect(agent.Locator("body[data-same-document]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_supervisor_sees_the_team_load_and_sets_an_agents_categories_and_an_agent_cannot()
    {
        await using var supervisorContext = await app.NewContextAsync("en-US");
        var supervisor = await supervisorContext.NewPageAsync();
        await SignInInEnglishAsync(supervisor, "supervisor@example.com");
        await supervisor.GetByRole(AriaRole.Link, new() { Name = "Team load" }).ClickAsync();
        await Expect(supervisor.Locator("table")).ToContainTextAsync("张伟 (Agent)");

        await supervisor.Locator("#skills-agent").SelectOptionAsync(new SelectOptionValue { Label = "张伟 (Agent)" });
        await supervisor.GetByLabel("Fees").CheckAsync();
        await supervisor.GetByLabel("Refund").CheckAsync();
        await Click(supervisor, "Save categories", expectDone: false);
        await Expect(supervisor.Locator(".banner-success")).ToContainTextAsync("Categories saved.");
        await Expect(supervisor.Locator("table")).ToContainTextAsync("Refund, Fees");

        await using var agentContext = await app.NewContextAsync("en-US");
        var agent = await agentContext.NewPageAsync();
        await SignInInEnglishAsync(agent, "agent@example.com");
        await Expect(agent.GetByRole(AriaRole.Link, new() { Name = "Team load" })).ToHaveCountAsync(0);
        Assert.Equal(404, (await agent.GotoAsync("/staff/load"))!.Status);
    }

    private static async Task<string> FileAsync(IPage page, string reference, string description, string category = "TransactionFailure")
    {
        await page.GotoAsync("/complaints/new");
        await page.Locator("#category").SelectOptionAsync(category);
        await page.Locator("#occurredAt").FillAsync(TimeProvider.System.GetUtcNow().AddDays(-2).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#description").FillAsync(description);
        await page.Locator("#transactionReference").FillAsync(reference);
        await page.Locator("#desiredOutcome").FillAsync("Refund the charge.");
        await page.Locator("form.complaint-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(ComplaintUrl());
        return ComplaintUrl().Match(page.Url).Groups["number"].Value;
    }
}
