using Microsoft.Extensions.Options;
using Redress.SharedKernel.Calendars;

namespace Redress.Complaints.Deadlines;

/// <summary>
/// Keeps a complaint's deadlines and next SLA check in step with its state: sets them at filing, stops the clock
/// while the complaint waits on the customer where the policy says so, moves the open deadlines by the paused
/// days when the customer answers, and stops the clock for good once the complaint leaves the open stages.
/// </summary>
public sealed class DeadlineClock(IBusinessCalendars calendars, IOptions<DeadlineSettings> settings, IOptions<SlaMonitorOptions> monitor)
{
    internal async Task StartAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        if (settings.Value.Select(complaint.Jurisdiction, complaint.Channel) is not { } chosen)
        {
            return;
        }

        var calendar = await calendars.ForAsync(chosen.Policy.Calendar, cancellationToken);
        complaint.SetDeadlines(DeadlineCalculator.Compute(chosen.Name, chosen.Policy, calendar, complaint.FiledAt), chosen.Policy.PausesWhileWaitingOnCustomer);
        Reschedule(complaint);
    }

    /// <summary>Called after every change to a complaint, before it is stored.</summary>
    internal async Task SettleAsync(Complaint complaint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (complaint.FinalDueAt is null)
        {
            return;
        }

        if (!CaseRules.Open.Contains(complaint.Stage) || complaint.ResolvedAt is not null)
        {
            complaint.StopClock();
            return;
        }

        if (complaint.PauseClock(now) || complaint.PausedSince is not { } since || complaint.WaitingOn == WaitingOn.Customer)
        {
            return;
        }

        if (complaint.DeadlinePolicy is not { } name || !settings.Value.Policies.TryGetValue(name, out var policy))
        {
            // The policy was renamed or removed from configuration: the stored deadlines stand and the clock runs on.
            complaint.ResumeClock(0, 0);
            Reschedule(complaint);
            return;
        }

        var calendar = await calendars.ForAsync(policy.Calendar, cancellationToken);
        var pausedOn = DeadlineCalculator.LocalDate(policy, since);
        var resumedOn = DeadlineCalculator.LocalDate(policy, now);
        complaint.ResumeClock(calendar.BusinessDaysBetween(pausedOn, resumedOn), resumedOn.DayNumber - pausedOn.DayNumber);
        complaint.SetDeadlines(
            DeadlineCalculator.Compute(name, policy, calendar, complaint.FiledAt, complaint.PausedBusinessDays, complaint.PausedCalendarDays),
            policy.PausesWhileWaitingOnCustomer);
        Reschedule(complaint);
    }

    /// <summary>The earliest point not yet announced; one already past is picked up by the monitor's next sweep.</summary>
    internal void Reschedule(Complaint complaint) =>
        complaint.ScheduleSlaCheck(SlaPlan.Step(complaint, DateTimeOffset.MinValue, monitor.Value).NextCheckAt);
}
