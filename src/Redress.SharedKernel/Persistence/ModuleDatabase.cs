using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Redress.SharedKernel.Persistence;

/// <summary>Applies one module's migrations through a fresh scope, so hosts need not know the module's DbContext.</summary>
public sealed class ModuleDatabase<TContext>(IServiceScopeFactory scopes, string module) : IModuleDatabase
    where TContext : DbContext
{
    public string Module => module;

    public async Task<ModuleMigrations> ReadMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ModuleMigrations.ReadAsync(module, scope.ServiceProvider.GetRequiredService<TContext>().Database, cancellationToken);
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TContext>().Database.MigrateAsync(cancellationToken);
    }

    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TContext>().Database.CanConnectAsync(cancellationToken);
    }
}

public static class ModuleDatabaseRegistration
{
    public static IServiceCollection AddModuleDatabase<TContext>(this IServiceCollection services, string module)
        where TContext : DbContext =>
        services.AddSingleton<IModuleDatabase>(provider =>
            new ModuleDatabase<TContext>(provider.GetRequiredService<IServiceScopeFactory>(), module));
}
