using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Redress.Api.Tests;

public sealed class PlatformTests(SqliteApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_openapi_document_is_version_3_1_and_describes_complaint_intake()
    {
        using var client = app.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", _ct);

        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/complaints", out var complaints));
        Assert.True(complaints.TryGetProperty("post", out _));
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("bearer", out _));
    }

    [Fact]
    public async Task The_interactive_api_reference_is_served_offline()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/reference", _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/", _ct);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_culture_switch_only_redirects_to_local_paths()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var local = await client.GetAsync("/culture?name=zh-CN&returnUrl=/complaints", _ct);
        var foreign = await client.GetAsync("/culture?name=zh-CN&returnUrl=//evil.example.com/", _ct);

        Assert.Equal("/complaints", local.Headers.Location?.OriginalString);
        Assert.Equal("/", foreign.Headers.Location?.OriginalString);
        Assert.Contains(local.Headers.GetValues("Set-Cookie"), cookie => cookie.Contains("zh-CN", StringComparison.Ordinal));
    }
}

/// <summary>Production must never carry the demo accounts, whose password is published, nor an unencrypted key ring.</summary>
public sealed class ProductionConfigurationTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demo_accounts_do_not_exist_under_production()
    {
        await using var production = new ProductionApp(demoEnabled: false, withCertificate: true);
        await production.InitializeAsync();
        using var client = production.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = "wang.xiaoming@example.com", password = "Redress-demo-2026" }, _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Production_refuses_to_start_with_demo_data_switched_on()
    {
        await using var production = new ProductionApp(demoEnabled: true, withCertificate: true);
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () => await production.InitializeAsync());
        Assert.Contains("Demo accounts", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_setting_stops_the_start_with_a_message_naming_its_key()
    {
        await using var misconfigured = new MisconfiguredApp();
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () => await misconfigured.InitializeAsync());
        Assert.Contains("SlaMonitor:BatchSize", failure.ToString(), StringComparison.Ordinal);
        Assert.Contains("Notifications:Smtp:Port", failure.ToString(), StringComparison.Ordinal);
    }

    private sealed class MisconfiguredApp : SqliteApp
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SlaMonitor:BatchSize", "0");
            builder.UseSetting("Notifications:Smtp:Port", "70000");
        }
    }

    [Fact]
    public async Task Production_refuses_to_start_without_a_key_ring_certificate_and_names_the_setting()
    {
        await using var production = new ProductionApp(demoEnabled: false, withCertificate: false);
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () => await production.InitializeAsync());
        Assert.Contains("DataProtection:Certificate:Path is not set", failure.ToString(), StringComparison.Ordinal);
    }

    private sealed class ProductionApp(bool demoEnabled, bool withCertificate) : SqliteApp
    {
        protected override string Environment => "Production";

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:Enabled", demoEnabled ? "true" : "false");
            if (withCertificate)
            {
                var certificate = TestCertificate.Create(Path.Combine(DataDirectory, "certificates"));
                builder.UseSetting("DataProtection:Certificate:Path", certificate.Path);
                builder.UseSetting("DataProtection:Certificate:Password", certificate.Password);
            }
        }
    }
}
