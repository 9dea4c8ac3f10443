using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Redress.SharedKernel.Security;

namespace Redress.Api.Tests;

public abstract class AccessApiTests(RedressApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_identifies_its_bearer_with_role_jurisdiction_and_language()
    {
        using var client = await app.ClientForAsync(RedressRoles.Customer, jurisdiction: "GB", culture: "en");

        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me", _ct);

        Assert.Equal([RedressRoles.Customer], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("GB", me.GetProperty("jurisdiction").GetString());
        Assert.Equal("en", me.GetProperty("culture").GetString());
    }

    [Fact]
    public async Task A_token_issued_by_one_instance_is_honoured_by_another_on_the_same_database()
    {
        using var client = await app.ClientForAsync(RedressRoles.Customer);
        await using var secondInstance = app.WithWebHostBuilder(_ => { });
        using var other = secondInstance.CreateClient();
        other.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;

        var me = await other.GetAsync("/api/auth/me", _ct);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        // Shared through the database, not through a folder that two machines would not share.
        var keyManagement = secondInstance.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value;
        Assert.Contains("EntityFrameworkCore", keyManagement.XmlRepository?.GetType().FullName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_unauthorized_with_problem_details()
    {
        app.EnsureAvailable();
        var email = await app.CreateUserAsync(RedressRoles.Customer);
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password = "wrong-password-1" }, _ct);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        app.EnsureAvailable();
        var email = await app.CreateUserAsync(RedressRoles.Customer);
        using var client = app.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.PostAsJsonAsync("/api/auth/token", new { email, password = "wrong-password-1" }, _ct);
        }

        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password = RedressApp.Password }, _ct);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("locked", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Missing_credentials_are_named()
    {
        app.EnsureAvailable();
        using var client = app.CreateClient();
        await (await client.PostAsJsonAsync("/api/auth/token", new { }, _ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "email", "password");
    }

    [Fact]
    public async Task A_forged_bearer_token_is_unauthorized()
    {
        app.EnsureAvailable();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "CfDJ8-not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/complaints/mine", _ct)).StatusCode);
    }

    [Fact]
    public async Task Demo_customers_exist_in_the_embedded_demo()
    {
        app.EnsureAvailable();
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = "wang.xiaoming@example.com", password = "Redress-demo-2026" }, _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_reports_live_and_ready_with_the_database()
    {
        app.EnsureAvailable();
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", _ct)).StatusCode);
        var ready = await client.GetAsync("/health/ready", _ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(_ct));
    }
}

public sealed class AccessApiOnSqlite(SqliteApp app) : AccessApiTests(app);

public sealed class AccessApiOnPostgres(PostgresApp app) : AccessApiTests(app);
