using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Redress.Calendars.Data;
using Redress.SharedKernel.Calendars;

namespace Redress.Calendars;

/// <summary>
/// Calendars from the database, cached per jurisdiction. A load through this instance refreshes its cache at
/// once; another app instance sees the change within <see cref="MaxAge"/>.
/// </summary>
public sealed class StoredCalendars(IServiceScopeFactory scopes, TimeProvider time) : IBusinessCalendars
{
    private static readonly TimeSpan s_maxAge = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (BusinessCalendar Calendar, DateTimeOffset LoadedAt)> _cache = new(StringComparer.Ordinal);

    public static TimeSpan MaxAge => s_maxAge;

    public async Task<BusinessCalendar> ForAsync(string jurisdiction, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(jurisdiction, out var cached) && now - cached.LoadedAt < s_maxAge)
        {
            return cached.Calendar;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CalendarsDbContext>();
        var years = await db.Years.AsNoTracking().Where(y => y.Jurisdiction == jurisdiction).Select(y => y.Year).ToListAsync(cancellationToken);
        var days = await db.Days.AsNoTracking().Where(d => d.Jurisdiction == jurisdiction).ToListAsync(cancellationToken);
        var calendar = new BusinessCalendar(jurisdiction, years.Select(year => new CalendarYear(
            jurisdiction,
            year,
            [.. days.Where(d => d.Year == year).Select(d => new CalendarDay(d.Date, d.Kind == "workday" ? CalendarDayKind.Workday : CalendarDayKind.Holiday, d.Name))])));
        _cache[jurisdiction] = (calendar, now);
        return calendar;
    }

    public void Invalidate(string jurisdiction) => _cache.TryRemove(jurisdiction, out _);
}
