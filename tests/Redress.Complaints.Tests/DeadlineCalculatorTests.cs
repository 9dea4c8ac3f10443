using System.Globalization;
using Redress.Calendars;
using Redress.Complaints.Deadlines;
using Redress.SharedKernel.Calendars;

namespace Redress.Complaints.Tests;

/// <summary>Deadlines as the shipped configuration and calendars produce them, one case per policy.</summary>
public sealed class DeadlineCalculatorTests
{
    private static readonly IReadOnlyList<CalendarYear> s_calendars = ShippedCalendars.Load();
    private static readonly DeadlineSettings s_settings = ShippedDeadlines.Settings;

    [Theory]
    [InlineData("CN", ComplaintChannel.InApp, "CN-PBoC")]
    [InlineData("GB", ComplaintChannel.Phone, "GB-PaymentServices")]
    [InlineData("EU", ComplaintChannel.Email, "EU-PSD2")]
    [InlineData("US", ComplaintChannel.Web, "US-RegE")]
    [InlineData("US", ComplaintChannel.Regulator, "US-CFPB")]
    public void The_policy_follows_the_jurisdiction_and_channel(string jurisdiction, ComplaintChannel channel, string expected) =>
        Assert.Equal(expected, s_settings.Select(jurisdiction, channel)?.Name);

    [Fact]
    public void Uk_fifteen_business_days_skip_christmas_substitute_days_and_new_year()
    {
        var schedule = Compute("GB", ComplaintChannel.Web, "2026-12-18T15:00:00+00:00");
        Assert.Equal(Instant("2026-12-21T23:59:59.9999999+00:00"), schedule.AcknowledgeBy);
        Assert.Equal(Instant("2027-01-13T23:59:59.9999999+00:00"), schedule.FinalBy);
        Assert.Equal(schedule.FinalBy, schedule.HoldingReplyBy);
        Assert.True(schedule.ExtendedFinalBy > schedule.FinalBy);
        Assert.True(schedule.CalendarComplete);
    }

    [Fact]
    public void Eu_deadlines_skip_target_easter_closing_days_and_end_at_midnight_in_brussels()
    {
        var schedule = Compute("EU", ComplaintChannel.InApp, "2026-04-02T09:00:00+02:00");
        Assert.Equal(Instant("2026-04-27T23:59:59.9999999+02:00"), schedule.FinalBy);
    }

    [Fact]
    public void Reg_e_ten_business_days_skip_independence_day_observed()
    {
        var schedule = Compute("US", ComplaintChannel.Web, "2026-07-02T10:00:00-04:00");
        Assert.Equal(Instant("2026-07-17T23:59:59.9999999-04:00"), schedule.FinalBy);
        Assert.Null(schedule.AcknowledgeBy);
    }

    [Fact]
    public void A_cfpb_referral_counts_calendar_days()
    {
        var schedule = Compute("US", ComplaintChannel.Regulator, "2026-11-25T10:00:00-05:00");
        Assert.Equal(Instant("2026-12-10T23:59:59.9999999-05:00"), schedule.FinalBy);
        Assert.Equal(Instant("2027-01-24T23:59:59.9999999-05:00"), schedule.ExtendedFinalBy);
    }

    [Fact]
    public void A_chinese_complaint_filed_late_evening_utc_counts_from_the_next_day_in_shanghai()
    {
        // 17:00 UTC on 11 Feb is 01:00 on 12 Feb in Shanghai.
        var schedule = Compute("CN", ComplaintChannel.InApp, "2026-02-11T17:00:00+00:00");
        Assert.Equal(Instant("2026-02-27T23:59:59.9999999+08:00"), schedule.FinalBy);
    }

    [Fact]
    public void Counting_into_a_year_without_a_calendar_is_flagged()
    {
        var schedule = Compute("US", ComplaintChannel.Web, "2027-12-20T10:00:00-05:00");
        Assert.False(schedule.CalendarComplete);
        Assert.Equal(2028, schedule.FinalBy.Year);
    }

    private static DeadlineSchedule Compute(string jurisdiction, ComplaintChannel channel, string receivedAt)
    {
        var (name, policy) = s_settings.Select(jurisdiction, channel)!.Value;
        return DeadlineCalculator.Compute(name, policy, new BusinessCalendar(policy.Calendar, s_calendars), Instant(receivedAt));
    }

    private static DateTimeOffset Instant(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    private static DeadlineSettings LoadShippedSettings() => ShippedSettings.Deadlines();
}
