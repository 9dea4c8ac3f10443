using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Redress.Web.Localization;

internal static class CultureSetup
{
    public static readonly CultureInfo[] Supported = [new("en"), new("zh-CN")];

    /// <summary>Culture from the switcher's cookie, else from Accept-Language, else English.</summary>
    public static IApplicationBuilder UseRedressLocalization(this IApplicationBuilder app) =>
        app.UseRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = Supported;
            options.SupportedUICultures = Supported;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

    /// <summary><c>GET /culture?name=zh-CN&amp;returnUrl=/complaints</c>: remembers the choice for a year and goes back.</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture", (string? name, string? returnUrl, HttpContext context) =>
        {
            var culture = Supported.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) ?? Supported[0];
            Remember(context.Response, culture);
            // Only local paths: an open redirect would let a phishing link borrow our domain.
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                ? returnUrl
                : "/";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();

    /// <summary>Keeps the reader's language for a year in the cookie the request-localization middleware reads.</summary>
    public static void Remember(HttpResponse response, CultureInfo culture) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
}
