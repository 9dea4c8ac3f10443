using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Redress.SharedKernel.Persistence;

/// <summary>
/// One module's migration state. <see cref="Unknown"/> are migrations the database has applied that this build does
/// not contain: the database is ahead of the code, and running on it could write rows the newer schema forbids.
/// </summary>
public sealed record ModuleMigrations(string Module, IReadOnlyList<string> Applied, IReadOnlyList<string> Pending, IReadOnlyList<string> Unknown)
{
    public static async Task<ModuleMigrations> ReadAsync(string module, DatabaseFacade database, CancellationToken cancellationToken)
    {
        var known = database.GetMigrations().ToList();
        var applied = (await database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        return new ModuleMigrations(
            module,
            applied,
            [.. known.Except(applied, StringComparer.Ordinal)],
            [.. applied.Except(known, StringComparer.Ordinal)]);
    }
}
