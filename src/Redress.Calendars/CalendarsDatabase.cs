using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Redress.Calendars.Data;
using Redress.Calendars.Features;
using Redress.SharedKernel.Persistence;

namespace Redress.Calendars;

/// <summary>
/// Migrates the calendar tables, then puts in force every shipped year that is not in force yet. Years a
/// compliance officer loaded are never overwritten by the shipped files.
/// </summary>
internal sealed class CalendarsDatabase(IServiceScopeFactory scopes, TimeProvider time) : IModuleDatabase
{
    public string Module => "calendars";

    public async Task<ModuleMigrations> ReadMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ModuleMigrations.ReadAsync(Module, scope.ServiceProvider.GetRequiredService<CalendarsDbContext>().Database, cancellationToken);
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CalendarsDbContext>();
        await db.Database.MigrateAsync(cancellationToken);

        var inForce = await db.Years.AsNoTracking().Select(y => new { y.Jurisdiction, y.Year }).ToListAsync(cancellationToken);
        foreach (var shipped in ShippedCalendars.Load().Where(s => !inForce.Any(y => y.Jurisdiction == s.Jurisdiction && y.Year == s.Year)))
        {
            await LoadCalendarYearHandler.StoreAsync(db, shipped, "shipped", null, time.GetUtcNow(), cancellationToken);
        }
    }

    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CalendarsDbContext>().Database.CanConnectAsync(cancellationToken);
    }
}
