namespace Redress.SharedKernel.Persistence;

/// <summary>A module's own database schema; the host applies every module's migrations in turn.</summary>
public interface IModuleDatabase
{
    string Module { get; }

    Task MigrateAsync(CancellationToken cancellationToken);

    Task<bool> CanConnectAsync(CancellationToken cancellationToken);
}
