using System.Collections.Concurrent;
using Redress.SharedKernel.Calendars;

namespace Redress.Complaints.Deadlines;

/// <summary>
/// The instants by which a complaint must be acknowledged, given a holding reply, and answered. Each falls at the
/// end of the due day in the policy's time zone. <see cref="CalendarComplete"/> is false when a date was counted
/// into a year whose calendar is not loaded (weekends only were skipped there), so staff can be told.
/// </summary>
public sealed record DeadlineSchedule(
    string Policy,
    DateTimeOffset? AcknowledgeBy,
    DateTimeOffset? HoldingReplyBy,
    DateTimeOffset FinalBy,
    DateTimeOffset? ExtendedFinalBy,
    bool CalendarComplete);

public static class DeadlineCalculator
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> s_zones = new(StringComparer.Ordinal);

    /// <summary>
    /// The schedule counted from <paramref name="receivedAt"/>; days the clock stood still waiting on the customer
    /// (<paramref name="pausedBusinessDays"/> for business-day spans, <paramref name="pausedCalendarDays"/> for the others) are added on.
    /// </summary>
    public static DeadlineSchedule Compute(
        string policyName, DeadlinePolicy policy, BusinessCalendar calendar, DateTimeOffset receivedAt, int pausedBusinessDays = 0, int pausedCalendarDays = 0)
    {
        var zone = Zone(policy);
        var receivedOn = LocalDate(policy, receivedAt);
        var complete = true;

        DateTimeOffset? Due(DeadlineSpan? span)
        {
            if (span is null)
            {
                return null;
            }

            var day = span.Unit switch
            {
                DeadlineUnit.BusinessDays => calendar.AddBusinessDays(receivedOn, span.Amount + pausedBusinessDays),
                DeadlineUnit.CalendarDays => receivedOn.AddDays(span.Amount + pausedCalendarDays),
                DeadlineUnit.Weeks => receivedOn.AddDays((7 * span.Amount) + pausedCalendarDays),
                _ => throw new InvalidOperationException($"Unknown deadline unit {span.Unit}."),
            };
            if (span.Unit == DeadlineUnit.BusinessDays && !calendar.CoversYear(day.Year))
            {
                complete = false;
            }

            return EndOfDay(day, zone);
        }

        var acknowledge = Due(policy.Acknowledge);
        var holding = Due(policy.HoldingReply);
        var final = Due(policy.Final)!.Value;
        var extended = Due(policy.ExtendedFinal);
        return new DeadlineSchedule(policyName, acknowledge, holding, final, extended, complete);
    }

    /// <summary>The local date of <paramref name="instant"/> in the policy's time zone.</summary>
    public static DateOnly LocalDate(DeadlinePolicy policy, DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone(policy)).DateTime);

    /// <summary>
    /// The policy's time zone. TimeZoneInfo's own lookup takes a process-wide lock on every call, which every filing
    /// contended for; zones do not change while the process runs, so each is looked up once. An unknown id still throws.
    /// </summary>
    private static TimeZoneInfo Zone(DeadlinePolicy policy) => s_zones.GetOrAdd(policy.TimeZone, TimeZoneInfo.FindSystemTimeZoneById);

    /// <summary>The last instant of a local day: deadlines are met by anything done on the due day.</summary>
    private static DateTimeOffset EndOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var nextMidnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var offset = zone.GetUtcOffset(nextMidnight);
        return new DateTimeOffset(nextMidnight, offset).AddTicks(-1).ToUniversalTime();
    }
}
