using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Redress.Calendars.Data;
using Redress.SharedKernel.Security;

namespace Redress.Calendars.Features;

public sealed record CalendarYearView(int Year, string Source, DateTimeOffset LoadedAt, IReadOnlyList<CalendarDayView> Days);

public sealed record CalendarDayView(DateOnly Date, string Kind, string Name);

/// <summary>The years in force for a jurisdiction, with their listed days; staff read it to explain a deadline.</summary>
public sealed class GetCalendarHandler(CalendarsDbContext db)
{
    public async Task<IReadOnlyList<CalendarYearView>> HandleAsync(string jurisdiction, CancellationToken cancellationToken)
    {
        var years = await db.Years.AsNoTracking().Where(y => y.Jurisdiction == jurisdiction).OrderBy(y => y.Year).ToListAsync(cancellationToken);
        var days = await db.Days.AsNoTracking().Where(d => d.Jurisdiction == jurisdiction).OrderBy(d => d.Date).ToListAsync(cancellationToken);
        return [.. years.Select(y => new CalendarYearView(
            y.Year,
            y.Source,
            y.LoadedAt,
            [.. days.Where(d => d.Year == y.Year).Select(d => new CalendarDayView(d.Date, d.Kind, d.Name))]))];
    }
}

internal static class GetCalendarEndpoint
{
    public static void MapGetCalendar(this RouteGroupBuilder group) =>
        group.MapGet("/{jurisdiction}", async Task<Results<Ok<IReadOnlyList<CalendarYearView>>, NotFound>> (string jurisdiction, GetCalendarHandler handler, CancellationToken cancellationToken) =>
            {
                var code = jurisdiction.ToUpperInvariant();
                if (!LoadCalendarYearHandler.Jurisdictions.Contains(code))
                {
                    return TypedResults.NotFound();
                }

                return TypedResults.Ok(await handler.HandleAsync(code, cancellationToken));
            })
            .RequireAuthorization(RedressPolicies.CaseWorker)
            .WithName("GetCalendar")
            .WithSummary("The business-day calendar in force for a jurisdiction");
}
