using System.Collections.Frozen;

namespace Redress.SharedKernel.Calendars;

/// <summary>
/// A jurisdiction's business days: weekdays that are not holidays, plus weekend days declared working days.
/// Years with no loaded data count weekends only; <see cref="CoversYear"/> tells callers when that happens
/// so that a deadline computed into an unloaded year can be flagged rather than silently trusted.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly FrozenSet<DateOnly> _holidays;
    private readonly FrozenSet<DateOnly> _workedWeekendDays;
    private readonly FrozenSet<int> _years;

    public BusinessCalendar(string jurisdiction, IEnumerable<CalendarYear> years)
    {
        Jurisdiction = jurisdiction;
        var loaded = years.Where(y => string.Equals(y.Jurisdiction, jurisdiction, StringComparison.Ordinal)).ToList();
        _years = loaded.Select(y => y.Year).ToFrozenSet();
        var days = loaded.SelectMany(y => y.Days).ToList();
        _holidays = days.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date).ToFrozenSet();
        _workedWeekendDays = days.Where(d => d.Kind == CalendarDayKind.Workday).Select(d => d.Date).ToFrozenSet();
    }

    public string Jurisdiction { get; }

    public bool CoversYear(int year) => _years.Contains(year);

    public bool IsBusinessDay(DateOnly date)
    {
        if (_workedWeekendDays.Contains(date))
        {
            return true;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);
    }

    /// <summary>
    /// The date that is <paramref name="businessDays"/> business days after <paramref name="start"/>; the start
    /// day itself never counts, as with "within 15 business days of receipt".
    /// </summary>
    public DateOnly AddBusinessDays(DateOnly start, int businessDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(businessDays);
        var date = start;
        var counted = 0;
        while (counted < businessDays)
        {
            date = date.AddDays(1);
            if (IsBusinessDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>Business days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsBusinessDay(date))
            {
                count++;
            }
        }

        return count;
    }
}
