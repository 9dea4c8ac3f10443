using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Redress.SharedKernel.Demo;
using Redress.SharedKernel.Hosting;
using Redress.SharedKernel.Persistence;

namespace Redress.Web.Hosting;

/// <summary>
/// Brings the embedded default up with no set-up: applies migrations (SQLite by default; PostgreSQL only when
/// Database:MigrateOnStartup says so, since operators run <c>redress migrate</c>), seeds demo data in demo mode,
/// and prints where to go and how to sign in. Runs before the server takes requests.
/// </summary>
internal sealed partial class StartupTasks(
    IServiceProvider services,
    IOptions<DatabaseSettings> database,
    IOptions<DemoSettings> demo,
    IConfiguration configuration,
    IHostApplicationLifetime lifetime,
    IServer server,
    ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var migrate = configuration.GetValue("Database:MigrateOnStartup", database.Value.Provider == DatabaseProvider.Sqlite);
        try
        {
            if (migrate)
            {
                var report = (await PlatformTasks.MigrateAllAsync(services, cancellationToken)).Describe();
                LogMigrated(logger, database.Value.Provider, report);
            }
            else
            {
                // Operators migrate with `redress migrate`; a build older than the database must still not run on it.
                await PlatformTasks.EnsureNotAheadAsync(services, cancellationToken);
            }
        }
        catch (MigrationRefusedException refused)
        {
            LogRefused(logger, refused.Message);
            throw;
        }

        if (!demo.Value.Enabled)
        {
            return;
        }

        var seeded = await PlatformTasks.SeedDemoAsync(services, cancellationToken);
        if (!seeded.IsSuccess)
        {
            throw new InvalidOperationException(seeded.Error.Message);
        }

        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                LogListening(logger, address);
            }

            LogDemoAccounts(logger, "wang.xiaoming@example.com, emily.clarke@example.com (customers); agent@, supervisor@, compliance@, admin@example.com (staff)", demo.Value.Password);
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Database migrated ({Provider}): {Report}")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider, string report);

    [LoggerMessage(EventId = 4, Level = LogLevel.Critical, Message = "Redress will not start on this database: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Redress is running at {Address}")]
    private static partial void LogListening(ILogger logger, string address);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Demo mode. Sign in as {Accounts} with the password {Password}")]
    private static partial void LogDemoAccounts(ILogger logger, string accounts, string password);
}
