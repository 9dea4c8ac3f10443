using Redress.SharedKernel.Calendars;

namespace Redress.Calendars.Tests;

public sealed class BusinessCalendarTests
{
    private static readonly IReadOnlyList<CalendarYear> s_shipped = ShippedCalendars.Load();

    [Fact]
    public void Every_jurisdiction_ships_2025_to_2027()
    {
        foreach (var jurisdiction in new[] { "CN", "GB", "US", "EU" })
        {
            Assert.Equal([2025, 2026, 2027], s_shipped.Where(y => y.Jurisdiction == jurisdiction).Select(y => y.Year).Order());
        }
    }

    [Fact]
    public void Chinese_make_up_saturdays_are_business_days_and_the_spring_festival_is_not()
    {
        var china = new BusinessCalendar("CN", s_shipped);
        Assert.True(china.IsBusinessDay(new DateOnly(2026, 2, 14)));   // Saturday worked before the Spring Festival
        Assert.True(china.IsBusinessDay(new DateOnly(2026, 2, 28)));   // Saturday worked after it
        Assert.False(china.IsBusinessDay(new DateOnly(2026, 2, 16)));  // Monday inside the festival
        Assert.False(china.IsBusinessDay(new DateOnly(2026, 2, 21)));  // an ordinary Saturday stays off
    }

    [Fact]
    public void Fifteen_business_days_from_before_the_spring_festival_count_the_make_up_days()
    {
        var china = new BusinessCalendar("CN", s_shipped);
        // Filed Thursday 12 Feb 2026: 13 Fri and 14 Sat (make-up) count, the festival 15–23 does not,
        // 24–27 Feb count, Saturday 28 Feb (make-up) counts, then 2–6 and 9–11 March.
        var deadline = china.AddBusinessDays(new DateOnly(2026, 2, 12), 15);
        Assert.Equal(new DateOnly(2026, 3, 11), deadline);
        Assert.Equal(15, china.BusinessDaysBetween(new DateOnly(2026, 2, 12), deadline));
    }

    [Fact]
    public void English_substitute_bank_holidays_are_days_off()
    {
        var england = new BusinessCalendar("GB", s_shipped);
        // Friday 24 Dec 2027 + 1 business day skips the weekend and both substitute days (27 and 28 Dec).
        Assert.Equal(new DateOnly(2027, 12, 29), england.AddBusinessDays(new DateOnly(2027, 12, 24), 1));
    }

    [Fact]
    public void United_states_observed_holidays_and_weekends_are_skipped()
    {
        var us = new BusinessCalendar("US", s_shipped);
        // Thursday 2 Jul 2026; Friday 3 Jul is Independence Day observed.
        Assert.Equal(new DateOnly(2026, 7, 6), us.AddBusinessDays(new DateOnly(2026, 7, 2), 1));
        Assert.Equal(new DateOnly(2026, 7, 17), us.AddBusinessDays(new DateOnly(2026, 7, 2), 10));
    }

    [Fact]
    public void A_year_not_loaded_counts_weekends_only_and_says_so()
    {
        var eu = new BusinessCalendar("EU", s_shipped);
        Assert.True(eu.CoversYear(2027));
        Assert.False(eu.CoversYear(2028));
        Assert.True(eu.IsBusinessDay(new DateOnly(2028, 1, 3)));
        Assert.False(eu.IsBusinessDay(new DateOnly(2028, 1, 1)));
    }

    [Fact]
    public void The_day_of_receipt_never_counts()
    {
        var gb = new BusinessCalendar("GB", s_shipped);
        Assert.Equal(new DateOnly(2026, 11, 25), gb.AddBusinessDays(new DateOnly(2026, 11, 25), 0));
        Assert.Equal(new DateOnly(2026, 11, 26), gb.AddBusinessDays(new DateOnly(2026, 11, 25), 1));
    }
}
