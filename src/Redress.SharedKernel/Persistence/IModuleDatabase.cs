namespace Redress.SharedKernel.Persistence;

/// <summary>A module's own database schema; the host applies every module's migrations in turn.</summary>
public interface IModuleDatabase
{
    string Module { get; }

    /// <summary>Which of the module's migrations are applied, pending, or applied yet unknown to this build.</summary>
    Task<ModuleMigrations> ReadMigrationsAsync(CancellationToken cancellationToken);

    Task MigrateAsync(CancellationToken cancellationToken);

    Task<bool> CanConnectAsync(CancellationToken cancellationToken);
}
