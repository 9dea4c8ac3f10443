using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static Redress.Browser.Tests.Journey;

namespace Redress.Browser.Tests;

public sealed partial class ComplaintJourneyTests(AppFixture app) : IClassFixture<AppFixture>
{

    [Fact]
    public async Task Customer_files_in_Chinese_and_only_they_can_read_it()
    {
        await using var wang = await app.NewContextAsync("en-US");
        var page = await wang.NewPageAsync();
        await SignInAsync(page, "wang.xiaoming@example.com");

        await page.GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await page.GetByRole(AriaRole.Link, new() { Name = "提交投诉" }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("提交投诉");

        const string description = "我在超市付款时页面显示支付失败，但银行卡已经扣款 128.50 元，商户说没有收到钱。";
        await page.Locator("#category").SelectOptionAsync("TransactionFailure");
        await page.Locator("#occurredAt").FillAsync(YesterdayInShanghai());
        await page.Locator("#description").FillAsync(description);
        await page.Locator("#transactionReference").FillAsync("TX20261124A1");
        await page.Locator("#amount").FillAsync("128.50");
        await page.Locator("#currency").SelectOptionAsync("CNY");
        await page.Locator("#desiredOutcome").FillAsync("请退还被扣的款项。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交投诉" }).ClickAsync();

        await page.WaitForURLAsync(ComplaintUrl());
        var number = ComplaintUrl().Match(page.Url).Groups["number"].Value;
        await Expect(page.Locator(".banner-success")).ToContainTextAsync("我们已收到您的投诉");
        await Expect(page.Locator(".banner-success .number-large")).ToHaveTextAsync(number);
        await Expect(page.Locator(".user-text").First).ToHaveTextAsync(description);
        await Expect(page.Locator(".facts")).ToContainTextAsync("CNY 128.50");
        await Expect(page.Locator(".timeline li")).ToHaveCountAsync(1);
        await Expect(page.Locator(".timeline")).ToContainTextAsync("我们已收到您的投诉");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.GotoAsync($"/complaints/{number}");
        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);

        await using var li = await app.NewContextAsync("zh-CN");
        var other = await li.NewPageAsync();
        await SignInAsync(other, "li.na@example.com");
        var response = await other.GotoAsync($"/complaints/{number}");
        Assert.Equal(404, response!.Status);
        await Expect(other.Locator("h1")).ToHaveTextAsync("页面不存在");
        await Expect(other.Locator("body")).Not.ToContainTextAsync(description);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_sign_in()
    {
        await using var anonymous = await app.NewContextAsync("en-US");
        var page = await anonymous.NewPageAsync();

        await page.GotoAsync("/complaints");

        Assert.Equal("/signin", new Uri(page.Url).AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fcomplaints", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#email")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Filing_form_shows_each_error_by_its_field_and_keeps_what_was_typed()
    {
        await using var emily = await app.NewContextAsync("en-GB");
        var page = await emily.NewPageAsync();
        await SignInAsync(page, "emily.clarke@example.com");
        await page.GotoAsync("/complaints/new");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send complaint" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Expect(page.Locator("#category-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#occurredAt-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#description-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#desiredOutcome-error")).ToBeVisibleAsync();

        await page.Locator("#description").FillAsync("Too short");
        await page.Locator("#amount").FillAsync("twelve");
        await page.Locator("#desiredOutcome").FillAsync("My money back, please.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send complaint" }).ClickAsync();

        Assert.Equal("/complaints/new", new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("#description")).ToHaveValueAsync("Too short");
        await Expect(page.Locator("#amount")).ToHaveValueAsync("twelve");
        await Expect(page.Locator("#desiredOutcome")).ToHaveValueAsync("My money back, please.");
        await Expect(page.Locator("#description")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#description")).ToHaveAttributeAsync("aria-describedby", new Regex("description-error"));
        await Expect(page.Locator("#amount-error")).ToContainTextAsync("Enter the amount as a number");
        await Expect(page.Locator("#desiredOutcome-error")).ToHaveCountAsync(0);
        await Expect(page.Locator(".error-summary a[href='#amount']")).ToBeVisibleAsync();
    }

    // The form reads datetime-local in the customer's own zone; a day ago is safely in the past there.
    private static string YesterdayInShanghai()
    {
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        return TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow().AddDays(-1), shanghai).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"/complaints/(?<number>[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z])\?filed=1$")]
    private static partial Regex ComplaintUrl();
}
