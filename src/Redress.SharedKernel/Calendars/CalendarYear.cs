namespace Redress.SharedKernel.Calendars;

/// <summary>Whether a listed date is a day off or a weekend day that is worked (China's make-up days).</summary>
public enum CalendarDayKind
{
    Holiday,
    Workday,
}

/// <summary>One listed date of a jurisdiction's calendar.</summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>The holidays and worked weekend days of one jurisdiction for one year, as published.</summary>
public sealed record CalendarYear(string Jurisdiction, int Year, IReadOnlyList<CalendarDay> Days);
