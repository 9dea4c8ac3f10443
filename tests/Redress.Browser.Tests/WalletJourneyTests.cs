using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Redress.Browser.Tests.Journey;

namespace Redress.Browser.Tests;

public sealed class WalletJourneyTests(AppFixture app) : IClassFixture<AppFixture>
{

    [Fact]
    public async Task Customer_finds_the_failed_transfer_and_starts_a_complaint_from_it()
    {
        await using var wang = await app.NewContextAsync("zh-CN");
        var page = await wang.NewPageAsync();
        await SignInAsync(page, "wang.xiaoming@example.com");

        await page.GetByRole(AriaRole.Link, new() { Name = "我的钱包" }).ClickAsync();
        await Expect(page.Locator(".balance-card .balance")).ToContainTextAsync("CNY");
        await Expect(page.Locator(".balance-card .sources")).ToContainTextAsync("••••");

        await page.Locator("#status").SelectOptionAsync("Failed");
        await page.Locator("form.filters button[type=submit]").ClickAsync();
        var failedAfterDebit = page.Locator("tr.row-failed", new() { Has = page.Locator(".tx-warning") });
        await Expect(failedAfterDebit).ToHaveCountAsync(1);
        await failedAfterDebit.Locator("a").First.ClickAsync();

        await Expect(page.Locator(".alert-error")).ToContainTextAsync("资金已从钱包扣除");
        var reference = await page.Locator(".facts dd.mono").First.InnerTextAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "对此交易投诉" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/complaints/new"));
        await Expect(page.Locator("#transactionReference")).ToHaveValueAsync(reference);
        await Expect(page.Locator("#category")).ToHaveValueAsync("TransactionFailure");
        await Expect(page.Locator("#amount")).ToHaveValueAsync("500.00");
        await Expect(page.Locator("#occurredAt")).Not.ToHaveValueAsync(string.Empty);
    }

    [Fact]
    public async Task English_customer_sees_the_overdue_refund_marked_pending()
    {
        await using var emily = await app.NewContextAsync("en-GB");
        var page = await emily.NewPageAsync();
        await SignInAsync(page, "emily.clarke@example.com");

        await page.GotoAsync("/wallet?type=Refund&status=Pending");
        var pending = page.Locator("tr.row-pending");
        await Expect(pending).ToHaveCountAsync(1);
        await Expect(pending.Locator(".status")).ToHaveTextAsync("Pending");
        await Expect(pending.Locator("td.amount")).ToContainTextAsync("+ GBP 89.00");
        await pending.Locator("a").First.ClickAsync();

        await Expect(page.Locator(".alert-warning")).ToContainTextAsync("promised by a date that has passed");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Complain about this" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("category=Refund"));
    }
}
