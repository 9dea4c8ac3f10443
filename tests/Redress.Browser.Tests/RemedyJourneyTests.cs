using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Redress.Browser.Tests.Journey;

namespace Redress.Browser.Tests;

/// <summary>
/// The demo's failed-but-debited transfer from complaint to letter: an agent investigates and proposes a refund above
/// the approval threshold, a supervisor approves it, the agent executes it, the customer's balance moves once (also
/// when the execute form is posted again), and the customer downloads the final response as a PDF.
/// </summary>
public sealed partial class RemedyJourneyTests : IClassFixture<AppFixture>
{

    // 500.00 CNY, the transfer the wallet seeder leaves failed but debited; above the 10,000 minor-unit approval threshold.
    private const long TransferMinorUnits = 50_000;

    private readonly AppFixture _app;

    public RemedyJourneyTests(AppFixture app)
    {
        _app = app;
        // Two slow cores run the whole suite at once: every wait is on visible state, with room to spare.
        SetDefaultExpectTimeout(30_000);
    }

    [Fact]
    public async Task An_agent_refunds_a_failed_but_debited_transfer_a_supervisor_approves_it_is_paid_once_and_the_customer_downloads_the_letter()
    {
        await using var customerContext = await _app.NewContextAsync("en-US");
        var customer = await customerContext.NewPageAsync();
        await SignInInEnglishAsync(customer, "wang.xiaoming@example.com");
        var before = await BalanceAsync(customer);
        var number = await FailedTransferComplaintAsync(customer);

        await using var agentContext = await _app.NewContextAsync("en-US");
        var agent = await agentContext.NewPageAsync();
        await SignInInEnglishAsync(agent, "agent@example.com");
        await agent.GotoAsync($"/complaints/{number}");
        await Click(agent, "Acknowledge");
        await Click(agent, "Triage");
        await Click(agent, "Start investigation");
        var investigation = agent.GetByTestId("investigation");
        await Expect(investigation.Locator("[data-finding=failed_but_debited]")).ToHaveTextAsync("The transaction failed but the money left the wallet.");
        await Expect(investigation.Locator("[data-finding=amount_matches]")).ToHaveCountAsync(1);
        await Click(agent, "Record findings on the timeline", expectDone: false);
        await Expect(agent.Locator(".timeline")).ToContainTextAsync("Ledger findings recorded");

        await ProposeRefundAsync(agent, "500.00");
        var remedy = agent.GetByTestId("remedy");
        await Expect(remedy).ToHaveCountAsync(1);
        await Expect(remedy).ToHaveAttributeAsync("data-status", "Proposed");
        await Expect(remedy.Locator(".remedy-status")).ToHaveTextAsync("awaiting approval");
        await Expect(remedy.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
        await Expect(remedy.GetByRole(AriaRole.Button, new() { Name = "Execute" })).ToHaveCountAsync(0);

        await using var supervisorContext = await _app.NewContextAsync("en-US");
        var supervisor = await supervisorContext.NewPageAsync();
        await SignInInEnglishAsync(supervisor, "supervisor@example.com");
        await supervisor.GotoAsync($"/complaints/{number}");
        await Click(supervisor, "Approve", expectDone: false);
        await Expect(supervisor.GetByTestId("remedy")).ToHaveAttributeAsync("data-status", "Approved");
        Assert.Equal(before, await BalanceAsync(customer));

        await agent.ReloadAsync();
        // The execute form as the agent's browser would post it, kept to post it a second time after it has worked.
        var executeForm = await agent.GetByTestId("remedy-command").EvaluateAsync<Dictionary<string, string>>(
            "form => Object.fromEntries(new FormData(form))");
        executeForm["Command"] = "execute:" + await agent.GetByTestId("remedy").GetAttributeAsync("data-remedy");
        await Click(agent, "Execute", expectDone: false);
        await Expect(agent.GetByTestId("remedy")).ToHaveAttributeAsync("data-status", "Executed");
        await Expect(agent.Locator(".timeline")).ToContainTextAsync("Remedy paid");
        Assert.Equal(before + TransferMinorUnits, await BalanceAsync(customer));

        await agent.ReloadAsync();
        var form = agent.APIRequest.CreateFormData();
        foreach (var (name, value) in executeForm)
        {
            form.Set(name, value);
        }

        var again = await agent.APIRequest.PostAsync($"{_app.BaseAddress}/complaints/{number}", new() { Form = form });
        Assert.Equal(200, again.Status);
        Assert.Contains("This remedy has already been executed or is being executed.", await again.TextAsync(), StringComparison.Ordinal);
        foreach (var (command, message) in new[] { ("execute:not-a-remedy", "That remedy action is not known."), ("pay:" + Guid.NewGuid(), "That remedy action is not known."), ("approve:" + Guid.NewGuid(), "class=\"error-summary\"") })
        {
            form.Set("Command", command);
            var malformed = await agent.APIRequest.PostAsync($"{_app.BaseAddress}/complaints/{number}", new() { Form = form });
            Assert.Equal(200, malformed.Status);
            Assert.Contains(message, await malformed.TextAsync(), StringComparison.Ordinal);
        }

        await customer.ReloadAsync();
        Assert.Equal(before + TransferMinorUnits, await BalanceAsync(customer));

        await agent.ReloadAsync();
        await agent.Locator("#action-outcome").SelectOptionAsync("Upheld");
        await agent.Locator("#action-closure").SelectOptionAsync("ClosedWithMonetaryRelief");
        await agent.Locator("#action-body").FillAsync("The transfer failed after the money left your wallet; we have refunded the 500.00 in full.");
        await Click(agent, "Resolve");

        await customer.GotoAsync($"/complaints/{number}");
        await Expect(customer.Locator(".facts")).ToContainTextAsync("Upheld");
        await Expect(customer.Locator(".letter")).ToContainTextAsync(number);
        var download = await customer.RunAndWaitForDownloadAsync(
            () => customer.Locator("a[href$='/final-response.pdf']").ClickAsync(),
            new() { Timeout = 60_000 });
        Assert.Contains(number, download.SuggestedFilename, StringComparison.Ordinal);
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.Equal(before + TransferMinorUnits, await BalanceAsync(customer));
    }

    [Fact]
    public async Task A_refund_above_the_original_is_refused_next_to_the_amount_and_moves_no_money()
    {
        await using var customerContext = await _app.NewContextAsync("en-US");
        var customer = await customerContext.NewPageAsync();
        await SignInInEnglishAsync(customer, "li.na@example.com");
        var before = await BalanceAsync(customer);
        var number = await FailedTransferComplaintAsync(customer);

        await using var agentContext = await _app.NewContextAsync("en-US");
        var agent = await agentContext.NewPageAsync();
        await SignInInEnglishAsync(agent, "agent@example.com");
        await agent.GotoAsync($"/complaints/{number}");
        await ProposeRefundAsync(agent, "500.01", expectRemedy: false);

        await Expect(agent.Locator("#remedy-amount-error")).ToBeVisibleAsync();
        await Expect(agent.Locator("#remedy-amount")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(agent.Locator("#remedy-amount")).ToHaveValueAsync("500.01");
        await Expect(agent.GetByTestId("propose-remedy").Locator(".error-summary a[href='#remedy-amount']")).ToHaveCountAsync(1);
        await Expect(agent.GetByTestId("remedy")).ToHaveCountAsync(0);

        await agent.Locator("#remedy-amount").FillAsync("five hundred");
        await agent.EvaluateAsync("document.body.dataset.stale = '1'");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Propose", Exact = true }).ClickAsync();
        await agent.Locator("body:not([data-stale])").WaitForAsync();
        await Expect(agent.Locator("#remedy-amount-error")).ToContainTextAsync("number");

        await agent.ReloadAsync();
        await Expect(agent.GetByTestId("remedy")).ToHaveCountAsync(0);
        Assert.Equal(before, await BalanceAsync(customer));
    }

    /// <summary>The customer's failed-transfer complaint, opened from their list.</summary>
    private static async Task<string> FailedTransferComplaintAsync(IPage customer)
    {
        await customer.GotoAsync("/complaints");
        await customer.Locator("tr", new() { HasText = "Failed transaction" }).Locator("a.number").ClickAsync();
        await customer.WaitForURLAsync(ComplaintUrl());
        return ComplaintUrl().Match(customer.Url).Groups["number"].Value;
    }

    private static async Task ProposeRefundAsync(IPage agent, string amount, bool expectRemedy = true)
    {
        await agent.Locator("#remedy-kind").SelectOptionAsync("Refund");
        await Expect(agent.Locator("#remedy-reference")).Not.ToHaveValueAsync(string.Empty);
        await agent.Locator("#remedy-amount").FillAsync(amount);
        await agent.Locator("#remedy-currency").FillAsync("CNY");
        await agent.Locator("#remedy-reason").FillAsync("The transfer failed after the money left the wallet.");
        await agent.EvaluateAsync("document.body.dataset.stale = '1'");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Propose", Exact = true }).ClickAsync();
        await agent.Locator("body:not([data-stale])").WaitForAsync();
        if (expectRemedy)
        {
            await Expect(agent.GetByTestId("remedy")).ToBeVisibleAsync();
        }
    }

    /// <summary>The wallet balance in minor units, read from the customer's wallet page.</summary>
    private static async Task<long> BalanceAsync(IPage customer)
    {
        await customer.GotoAsync("/wallet");
        var balance = customer.GetByTestId("wallet-balance");
        await Expect(balance).ToBeVisibleAsync();
        return long.Parse((await balance.GetAttributeAsync("data-minor-units"))!, CultureInfo.InvariantCulture);
    }
}
