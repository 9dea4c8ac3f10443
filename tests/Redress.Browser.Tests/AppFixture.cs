using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Redress.Browser.Tests;

/// <summary>
/// The real application on a free loopback port with a fresh SQLite file and demo data, plus one Chromium
/// shared by the tests; each test opens its own browser context, so cookies never leak between people.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "redress-browser-" + Guid.NewGuid().ToString("N"));
    private RedressFactory? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseAddress { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        _factory = new RedressFactory(_dataDirectory);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = FindChromium(),
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }

    /// <summary>A fresh browser profile: its own cookies, its own language.</summary>
    public Task<IBrowserContext> NewContextAsync(string locale) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress, Locale = locale });

    // The Playwright package brings no browser; the machine's Chromium is used, found as `command -v chromium` would.
    private static string FindChromium()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "chromium"))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Chromium is not on the PATH; install Debian's chromium package.");
    }
}

/// <summary>The real host on Kestrel at a port the system picks, so runs never collide with a developer's app.</summary>
internal sealed class RedressFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory;

    public RedressFactory(string dataDirectory)
    {
        _dataDirectory = dataDirectory;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataDirectory", _dataDirectory);
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_dataDirectory, "redress.db")}");
        builder.UseSetting("Demo:Enabled", "true");
        // Every test signs in several people from one address.
        builder.UseSetting("RateLimits:SignInPerMinute", "1000");
        // Journeys wait for messages to reach the inbox; the worker's default five-second poll would dominate them.
        builder.UseSetting("Notifications:PollInterval", "00:00:00.500");
    }
}
