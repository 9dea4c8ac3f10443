using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Redress.Browser.Tests;

/// <summary>The steps every browser journey takes: signing in as a demo user, pressing a button that posts a form, finding the complaint number in the address.</summary>
internal static partial class Journey
{
    public const string Password = "Redress-demo-2026";

    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/signin");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("form.form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
    }

    /// <summary>Signs in and switches to English: staff accounts prefer Chinese, and these journeys read English labels.</summary>
    public static async Task SignInInEnglishAsync(IPage page, string email)
    {
        await SignInAsync(page, email);
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    /// <summary>Presses an action button and waits for the next page; by default also for the success banner.</summary>
    public static async Task Click(IPage page, string button, bool expectDone = true)
    {
        await Click(page, page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }));
        if (expectDone)
        {
            await Expect(page.Locator(".banner-success")).ToBeVisibleAsync();
        }
    }

    /// <summary>Presses a button and waits for the next page: the marker set on this document is gone from the new one.</summary>
    public static async Task Click(IPage page, ILocator button)
    {
        await page.EvaluateAsync("document.body.dataset.stale = '1'");
        await button.ClickAsync();
        await page.Locator("body:not([data-stale])").WaitForAsync();
    }

    [GeneratedRegex(@"/complaints/(?<number>[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z])")]
    public static partial Regex ComplaintUrl();
}
