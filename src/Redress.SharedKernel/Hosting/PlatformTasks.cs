using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Redress.SharedKernel.Demo;
using Redress.SharedKernel.Persistence;

namespace Redress.SharedKernel.Hosting;

/// <summary>Start-up and operator tasks that span every module: migrations and demo data.</summary>
public static class PlatformTasks
{
    public static async Task MigrateAllAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var database in services.GetServices<IModuleDatabase>())
        {
            await database.MigrateAsync(cancellationToken);
        }
    }

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
