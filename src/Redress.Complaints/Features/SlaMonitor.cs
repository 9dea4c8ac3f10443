using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Redress.Complaints.Data;
using Redress.Complaints.Deadlines;

namespace Redress.Complaints.Features;

/// <summary>
/// One SLA sweep: the complaints whose next check is due (read through the <c>NextSlaCheckAt</c> index, so the
/// cost follows what is due, not what is open), each with its warnings, holding-reply prompt or breach appended
/// to its timeline and its next check set, all in one transaction. Two instances may pick the same complaint;
/// the complaint's version check lets exactly one of them store its entries: the loser's batch fails as a whole
/// and it retries complaint by complaint, skipping those the other instance took.
/// </summary>
public sealed partial class SlaSweep(ComplaintsDbContext db, TimeProvider time, IOptions<SlaMonitorOptions> options, ILogger<SlaSweep> logger)
{
    /// <summary>Handles up to one batch of due complaints; returns how many were due, so the caller knows whether to go again.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var due = await db.Complaints.AsNoTracking()
            .Where(c => c.NextSlaCheckAt <= now)
            .OrderBy(c => c.NextSlaCheckAt)
            .Take(settings.BatchSize)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        // The whole batch in one transaction; if anything in it raced another writer, each complaint on its own.
        db.ChangeTracker.Clear();
        var complaints = await db.Complaints.Where(c => due.Contains(c.Id)).ToListAsync(cancellationToken);
        var heads = await db.TimelineEvents.AsNoTracking()
            .Where(e => due.Contains(e.ComplaintId) && e.Sequence == db.TimelineEvents.Where(x => x.ComplaintId == e.ComplaintId).Max(x => x.Sequence))
            .Select(e => new { e.ComplaintId, e.Sequence, e.Hash })
            .ToDictionaryAsync(e => e.ComplaintId, cancellationToken);
        var checkedOnes = new List<(Complaint Complaint, SlaStep Step)>();
        foreach (var complaint in complaints)
        {
            if (complaint.NextSlaCheckAt is { } next && next <= now && heads.TryGetValue(complaint.Id, out var head))
            {
                complaint.ContinueTimeline(head.Sequence, head.Hash);
                checkedOnes.Add((complaint, Announce(complaint, now, settings)));
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (complaint, step) in checkedOnes)
            {
                LogChecked(logger, complaint.Number, step.NewWarnings.Count, step.PromptHoldingReply, step.Breached);
            }
        }
        catch (DbUpdateException)
        {
            foreach (var id in due)
            {
                await CheckAsync(id, now, settings, cancellationToken);
            }
        }

        return due.Count;
    }

    private async Task CheckAsync(long id, DateTimeOffset now, SlaMonitorOptions settings, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var complaint = await db.Complaints.SingleAsync(c => c.Id == id, cancellationToken);
        if (complaint.NextSlaCheckAt is not { } next || next > now)
        {
            return;
        }

        var head = await db.TimelineEvents.AsNoTracking()
            .Where(e => e.ComplaintId == id)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstAsync(cancellationToken);
        complaint.ContinueTimeline(head.Sequence, head.Hash);
        var step = Announce(complaint, now, settings);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            LogChecked(logger, complaint.Number, step.NewWarnings.Count, step.PromptHoldingReply, step.Breached);
        }
        catch (DbUpdateException)
        {
            // Another instance or a case worker changed the complaint first (version check or the unique timeline
            // sequence); its next check is then theirs to set, or due again on the next sweep.
            LogSkipped(logger, complaint.Number);
        }
    }

    private static SlaStep Announce(Complaint complaint, DateTimeOffset now, SlaMonitorOptions settings)
    {
        var step = SlaPlan.Step(complaint, now, settings);
        var owner = complaint.AssigneeId?.ToString("N");
        foreach (var fraction in step.NewWarnings)
        {
            complaint.AppendSystem(TimelineEventTypes.SlaWarning, now, new { Fraction = fraction, complaint.FinalDueAt, Owner = owner });
        }

        if (step.PromptHoldingReply)
        {
            complaint.AppendSystem(TimelineEventTypes.SlaHoldingReplyDue, now, new { complaint.HoldingReplyBy, complaint.ExtendedFinalBy, Owner = owner });
        }

        if (step.Breached)
        {
            complaint.AppendSystem(TimelineEventTypes.SlaBreached, now, new { complaint.FinalDueAt, Owner = owner, EscalateTo = "supervisor" });
        }

        complaint.RecordSlaCheck(step.WarningsSent, step.HoldingReplyPromptedAt, step.BreachedAt, step.NextCheckAt);
        return step;
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "SLA check of complaint {ComplaintNumber}: {Warnings} warnings, holding reply prompted {HoldingReply}, breached {Breached}")]
    private static partial void LogChecked(ILogger logger, string complaintNumber, int warnings, bool holdingReply, bool breached);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "SLA check of complaint {ComplaintNumber} lost to a concurrent change; left for the next sweep")]
    private static partial void LogSkipped(ILogger logger, string complaintNumber);
}

/// <summary>
/// Runs SLA sweeps for as long as the host runs; every instance may run one (see <see cref="SlaSweep"/>). Once an
/// hour it also drops settled outbox rows past their retention, which every instance may do as well.
/// </summary>
internal sealed partial class SlaMonitor(IServiceScopeFactory scopes, IOptions<SlaMonitorOptions> options, TimeProvider time, ILogger<SlaMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan s_pruneInterval = TimeSpan.FromHours(1);
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                due = await scope.ServiceProvider.GetRequiredService<SlaSweep>().RunOnceAsync(stoppingToken);
                if (time.GetUtcNow() >= _nextPrune)
                {
                    var pruned = await scope.ServiceProvider.GetRequiredService<ComplaintsOutbox>().PruneAsync(settings.DeliveryRetention, stoppingToken);
                    _nextPrune = time.GetUtcNow() + s_pruneInterval;
                    LogPruned(logger, pruned);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed sweep (database unreachable, say) must not stop the monitor; due rows stay due.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogSweepFailed(logger, exception.GetType().Name, exception);
            }

            // A full batch suggests more is due: go again at once.
            if (due < settings.BatchSize)
            {
                try
                {
                    await Task.Delay(settings.PollInterval, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Pruned {Count} settled outbox delivery rows")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Error, Message = "An SLA sweep failed ({ErrorType}); trying again after the poll interval")]
    private static partial void LogSweepFailed(ILogger logger, string errorType, Exception exception);
}
