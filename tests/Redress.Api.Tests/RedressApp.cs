using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Redress.Access;

namespace Redress.Api.Tests;

/// <summary>
/// The real application over a real database, one per provider for the whole test assembly. Tests isolate
/// themselves by creating their own users instead of sharing rows.
/// </summary>
public abstract class RedressApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-password-2026";

    public abstract string Provider { get; }

    protected abstract string ConnectionString { get; }

    /// <summary>The database this app runs on, for a test that opens a second host on it.</summary>
    public string DatabaseConnectionString => ConnectionString;

    protected virtual string Environment => "Development";

    /// <summary>Where this app keeps attachments; removed with the app.</summary>
    protected string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "redress-api-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Where the app writes e-mail when no SMTP server is configured.</summary>
    public string MailPickupFolder => Path.Combine(DataDirectory, "mail-pickup");

    /// <summary>The app's clock when a test drives time (see <see cref="ClockedSqliteApp"/>); null for the real clock.</summary>
    public FakeTimeProvider? Clock { get; protected init; }

    public async Task<HttpClient> ClientForAsync(string role, string jurisdiction = "CN", string culture = "zh-CN")
    {
        var email = await CreateUserAsync(role, jurisdiction, culture);
        return await SignInAsync(email);
    }

    /// <summary>A client with a fresh bearer token for an existing user: tokens expire when a test moves the clock on.</summary>
    public async Task<HttpClient> SignInAsync(string email)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public async Task<string> CreateUserAsync(string role, string jurisdiction = "CN", string culture = "zh-CN")
    {
        EnsureAvailable();
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<RedressUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@tests.example.com";
        var user = new RedressUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            DisplayName = "测试 " + role,
            Jurisdiction = jurisdiction,
            PreferredCulture = culture,
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    public virtual async ValueTask InitializeAsync()
    {
        await PrepareDatabaseAsync();
        // Starting the host applies migrations and seeds the demo data.
        _ = Services;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabaseAsync();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Called before a test touches the app; a provider whose server is missing skips or fails the test here.</summary>
    public virtual void EnsureAvailable()
    {
    }

    protected virtual Task PrepareDatabaseAsync() => Task.CompletedTask;

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Database:DataDirectory", DataDirectory);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:IntakePerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests wait for deliveries; a short poll keeps them quick.
        builder.UseSetting("Notifications:PollInterval", "00:00:00.200");
        // SLA tests run their sweeps themselves; the host's monitor only makes its first pass at start.
        builder.UseSetting("SlaMonitor:PollInterval", "01:00:00");
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }
    }

    public sealed record TokenResponse(string AccessToken);
}

public class SqliteApp : RedressApp
{
    public override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(DataDirectory, "redress.db")}";

    protected override Task PrepareDatabaseAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        return Task.CompletedTask;
    }

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}

public class PostgresApp : RedressApp
{
    private readonly string _database = $"redress_test_{Guid.NewGuid():N}";

    public override string Provider => "Postgres";

    /// <summary>The server the test command started; set by scripts/test.sh.</summary>
    public static string? ServerConnectionString => System.Environment.GetEnvironmentVariable("REDRESS_TEST_POSTGRES");

    protected override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database }.ConnectionString;

    public override async ValueTask InitializeAsync()
    {
        if (ServerConnectionString is null)
        {
            return;
        }

        await base.InitializeAsync();
    }

    /// <summary>Skips a PostgreSQL test on a developer machine without the server; under CI its absence is a failure.</summary>
    public override void EnsureAvailable()
    {
        if (ServerConnectionString is not null)
        {
            return;
        }

        Assert.False(string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "REDRESS_TEST_POSTGRES must be set under CI: run scripts/test.sh.");
        Assert.Skip("No PostgreSQL server: set REDRESS_TEST_POSTGRES or run scripts/test.sh.");
    }

    protected override async Task PrepareDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task DropDatabaseAsync()
    {
        if (ServerConnectionString is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A SQLite app of its own whose clock the test drives, starting at the real time; for one test class.</summary>
public sealed class ClockedSqliteApp : SqliteApp
{
    public ClockedSqliteApp() => Clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
}

/// <summary>A PostgreSQL app of its own whose clock the test drives, starting at the real time; for one test class.</summary>
public sealed class ClockedPostgresApp : PostgresApp
{
    public ClockedPostgresApp() => Clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
}
