using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Redress.SharedKernel.Demo;
using Redress.SharedKernel.Persistence;

namespace Redress.SharedKernel.Hosting;

/// <summary>Start-up and operator tasks that span every module: migrations and demo data.</summary>
public static class PlatformTasks
{
    /// <summary>Every module's pending migrations, applied safely (see <see cref="DatabaseMigrator"/>).</summary>
    public static Task<MigrationReport> MigrateAllAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DatabaseMigrator.MigrateAsync(
            services.GetServices<IModuleDatabase>(),
            services.GetRequiredService<IOptions<DatabaseSettings>>().Value,
            services.GetRequiredService<TimeProvider>(),
            cancellationToken);

    /// <summary>Refuses a database that is ahead of this build, for hosts that do not migrate it themselves.</summary>
    public static Task<IReadOnlyList<ModuleMigrations>> EnsureNotAheadAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DatabaseMigrator.EnsureNotAheadAsync(services.GetServices<IModuleDatabase>(), cancellationToken);

    /// <summary>Seeds demo data; refused under a production environment, where demo passwords would be a back door.</summary>
    public static async Task<Result<DemoSeedContext>> SeedDemoAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        var demo = services.GetRequiredService<IOptions<DemoSettings>>().Value;
        if (environment.IsProduction() || !demo.Enabled)
        {
            return Error.Forbidden(
                "demo_refused",
                $"Demo accounts are only created in demo mode (Demo:Enabled=true outside Production); this is '{environment.EnvironmentName}' with Demo:Enabled={demo.Enabled}.");
        }

        await using var scope = services.CreateAsyncScope();
        var context = new DemoSeedContext();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(context, cancellationToken);
        }

        return context;
    }
}
