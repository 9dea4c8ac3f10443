using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Redress.Calendars.Data;
using Redress.SharedKernel;
using Redress.SharedKernel.Calendars;
using Redress.SharedKernel.Http;
using Redress.SharedKernel.Security;

namespace Redress.Calendars.Features;

/// <summary>What a load changed.</summary>
public sealed record CalendarYearLoaded(string Jurisdiction, int Year, int Holidays, int WorkedWeekendDays, string Source);

/// <summary>
/// Puts a jurisdiction-year in force from a calendar file, replacing what was there in one transaction.
/// A file with any fault is refused whole, naming the line at fault, and changes nothing.
/// </summary>
public sealed partial class LoadCalendarYearHandler(CalendarsDbContext db, TimeProvider time, StoredCalendars cache, ILogger<LoadCalendarYearHandler> logger)
{
    public static readonly IReadOnlySet<string> Jurisdictions = new HashSet<string>(StringComparer.Ordinal) { "CN", "GB", "EU", "US" };

    public async Task<Result<CalendarYearLoaded>> HandleAsync(string jurisdiction, int year, TextReader file, string source, Guid? loadedBy, CancellationToken cancellationToken)
    {
        if (!Jurisdictions.Contains(jurisdiction))
        {
            return Error.Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["jurisdiction"] = [$"Unknown jurisdiction '{jurisdiction}'; use one of {string.Join(", ", Jurisdictions.Order(StringComparer.Ordinal))}."] });
        }

        var parsed = CalendarFile.Parse(jurisdiction, year, file);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        await StoreAsync(db, parsed.Value, source, loadedBy, time.GetUtcNow(), cancellationToken);
        cache.Invalidate(jurisdiction);
        LogLoaded(logger, jurisdiction, year, parsed.Value.Days.Count);
        return new CalendarYearLoaded(
            jurisdiction,
            year,
            parsed.Value.Days.Count(d => d.Kind == CalendarDayKind.Holiday),
            parsed.Value.Days.Count(d => d.Kind == CalendarDayKind.Workday),
            source);
    }

    internal static async Task StoreAsync(CalendarsDbContext db, CalendarYear calendar, string source, Guid? loadedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Days.Where(d => d.Jurisdiction == calendar.Jurisdiction && d.Year == calendar.Year).ExecuteDeleteAsync(cancellationToken);
        await db.Years.Where(y => y.Jurisdiction == calendar.Jurisdiction && y.Year == calendar.Year).ExecuteDeleteAsync(cancellationToken);
        db.Years.Add(new StoredCalendarYear
        {
            Jurisdiction = calendar.Jurisdiction,
            Year = calendar.Year,
            Source = source,
            LoadedAt = now,
            LoadedBy = loadedBy,
            DayCount = calendar.Days.Count,
        });
        db.Days.AddRange(calendar.Days.Select(d => new StoredCalendarDay
        {
            Jurisdiction = calendar.Jurisdiction,
            Year = calendar.Year,
            Date = d.Date,
            Kind = d.Kind == CalendarDayKind.Holiday ? "holiday" : "workday",
            Name = d.Name,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Calendar {Jurisdiction} {Year} loaded with {DayCount} listed days")]
    private static partial void LogLoaded(ILogger logger, string jurisdiction, int year, int dayCount);
}

internal static class LoadCalendarYearEndpoint
{
    public static void MapLoadCalendarYear(this RouteGroupBuilder group) =>
        group.MapPut("/{jurisdiction}/{year:int}", HandleAsync)
            .RequireAuthorization(RedressPolicies.Compliance)
            .WithName("LoadCalendarYear")
            .WithSummary("Put a jurisdiction's calendar for one year in force from a CSV file (date,kind,name)")
            .Accepts<string>("text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<Results<Ok<CalendarYearLoaded>, ProblemHttpResult>> HandleAsync(
        string jurisdiction, int year, HttpRequest request, LoadCalendarYearHandler handler, CancellationToken cancellationToken)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported content type.",
                detail: "Send the calendar as text/csv.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["errors"] = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["body"] = ["Send the calendar as text/csv."] } });
        }

        using var reader = new StreamReader(request.Body);
        var actor = Actor.FromPrincipal(request.HttpContext.User);
        var result = await handler.HandleAsync(jurisdiction.ToUpperInvariant(), year, reader, $"{jurisdiction.ToUpperInvariant()}-{year}.csv (API)", actor?.UserId, cancellationToken);
        return result.ToHttp();
    }
}
