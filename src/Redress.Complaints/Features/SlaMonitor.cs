using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Redress.Complaints.Data;
using Redress.Complaints.Deadlines;
using Redress.SharedKernel.Hosting;
using Redress.SharedKernel.Persistence;

namespace Redress.Complaints.Features;

/// <summary>
/// One SLA sweep: the complaints whose next check is due (read through the <c>NextSlaCheckAt</c> index, so the
/// cost follows what is due, not what is open), each with its warnings, holding-reply prompt or breach appended
/// to its timeline and its next check set, all in one transaction. It reads only the columns the plan needs and
/// writes set-based (ADR 18) instead of loading and tracking whole complaints. Each complaint's update is guarded
/// by its version: one that a case worker or another instance changed since the read is left alone (and stays due
/// if it still is); the unique (complaint, sequence) index on the timeline is the backstop, and when it trips the
/// batch is rolled back and tried again complaint by complaint on fresh state.
/// </summary>
public sealed partial class SlaSweep(ComplaintsDbContext db, TimeProvider time, IOptions<SlaMonitorOptions> options, ILogger<SlaSweep> logger)
{
    /// <summary>Handles up to one batch of due complaints; returns how many were due, so the caller knows whether to go again.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var due = await ReadAsync(db.Complaints.Where(c => c.Sla.NextSlaCheckAt <= now).OrderBy(c => c.Sla.NextSlaCheckAt).Take(settings.BatchSize), cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        try
        {
            await StoreAsync(due, now, settings, cancellationToken);
        }
        catch (DbException exception) when (exception.IsUniqueViolation())
        {
            // An entry was appended without the version moving (or raced in between); retry each on fresh state.
            foreach (var one in due)
            {
                var id = one.Id;
                var fresh = await ReadAsync(db.Complaints.Where(c => c.Id == id && c.Sla.NextSlaCheckAt <= now), cancellationToken);
                try
                {
                    await StoreAsync(fresh, now, settings, cancellationToken);
                }
                catch (DbException single) when (single.IsUniqueViolation())
                {
                    LogSkipped(logger, one.Number);
                }
            }
        }

        return due.Count;
    }

    /// <summary>
    /// The due complaints with their chain heads in one statement, so that the head and the version come from one
    /// snapshot: a version read here always belongs to the head read with it.
    /// </summary>
    private async Task<List<DueComplaint>> ReadAsync(IQueryable<Complaint> complaints, CancellationToken cancellationToken) =>
        await complaints.AsNoTracking()
            .Select(c => new DueComplaint(
                c.Id,
                c.Number,
                c.Version,
                c.AssigneeId,
                c.ExtendedFinalBy,
                new SlaState(c.FiledAt, c.Sla.FinalDueAt, c.HoldingReplyBy, c.Sla.SlaWarningsSent, c.Sla.HoldingReplyPromptedAt, c.Sla.BreachedAt, c.HoldingReplySentAt),
                db.TimelineEvents.Where(e => e.ComplaintId == c.Id).Max(e => (int?)e.Sequence),
                db.TimelineEvents.Where(e => e.ComplaintId == c.Id).OrderByDescending(e => e.Sequence).Select(e => e.Hash).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    private async Task StoreAsync(List<DueComplaint> due, DateTimeOffset now, SlaMonitorOptions settings, CancellationToken cancellationToken)
    {
        var checks = new List<SlaCheck>(due.Count);
        foreach (var complaint in due)
        {
            if (complaint.HeadSequence is { } sequence && complaint.HeadHash is { } hash)
            {
                checks.Add(Announce(complaint, sequence, hash, now, settings));
            }
        }

        if (checks.Count == 0)
        {
            return;
        }

        var stored = await SlaSweepWrites.StoreAsync(db, checks, now, cancellationToken);
        foreach (var check in checks)
        {
            if (stored.Contains(check.ComplaintId))
            {
                LogChecked(logger, check.Number, check.Step.NewWarnings.Count, check.Step.PromptHoldingReply, check.Step.Breached);
            }
            else
            {
                // A case worker or another instance changed the complaint since the read; its next check is then
                // theirs to set, or due again on the next sweep.
                LogSkipped(logger, check.Number);
            }
        }
    }

    /// <summary>The step and its entries, chained onto the stored head; the payloads are those the complaint itself would write.</summary>
    private static SlaCheck Announce(DueComplaint complaint, int headSequence, string headHash, DateTimeOffset now, SlaMonitorOptions settings)
    {
        var step = SlaPlan.Step(complaint.Sla, now, settings);
        var owner = complaint.AssigneeId;
        var finalDueAt = complaint.Sla.FinalDueAt;
        var facts = new List<TimelinePayload>();
        foreach (var fraction in step.NewWarnings)
        {
            facts.Add(new SlaWarning(fraction, finalDueAt, owner));
        }

        if (step.PromptHoldingReply)
        {
            facts.Add(new SlaHoldingReplyDue(complaint.Sla.HoldingReplyBy, complaint.ExtendedFinalBy, owner));
        }

        if (step.Breached)
        {
            facts.Add(new SlaBreached(finalDueAt, owner, "supervisor"));
        }

        var entries = new List<TimelineEvent>(facts.Count);
        var previous = headHash;
        foreach (var payload in facts)
        {
            var entry = TimelineEvent.Create(
                complaint.Number, headSequence + entries.Count + 1, payload, now, null, Complaint.SystemRole, previous, Visibility.Internal);
            entries.Add(entry);
            previous = entry.Hash;
        }

        // As the complaint itself decides: warnings and prompts tell the owner (no one while there is none); a breach always tells someone.
        var notify = entries.Select(e => Complaint.Notifies(e.Type, complaint.AssigneeId)).ToList();
        return new SlaCheck(complaint.Id, complaint.Number, complaint.Version, step, entries, notify);
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "SLA check of complaint {ComplaintNumber}: {Warnings} warnings, holding reply prompted {HoldingReply}, breached {Breached}")]
    private static partial void LogChecked(ILogger logger, string complaintNumber, int warnings, bool holdingReply, bool breached);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "SLA check of complaint {ComplaintNumber} lost to a concurrent change; left for the next sweep")]
    private static partial void LogSkipped(ILogger logger, string complaintNumber);
}

/// <summary>What the sweep reads of a due complaint: its SLA columns, owner, version and the head of its timeline.</summary>
internal sealed record DueComplaint(
    long Id, string Number, int Version, Guid? AssigneeId, DateTimeOffset? ExtendedFinalBy, SlaState Sla, int? HeadSequence, string? HeadHash);

/// <summary>One complaint's outcome of a sweep, ready to store: the step, the entries to append and, entry by entry, whether it tells someone.</summary>
internal sealed record SlaCheck(long ComplaintId, string Number, int Version, SlaStep Step, IReadOnlyList<TimelineEvent> Entries, IReadOnlyList<bool> Notify);

/// <summary>
/// Runs SLA sweeps for as long as the host runs; every instance may run one (see <see cref="SlaSweep"/>). Once an
/// hour it also drops settled outbox rows past their retention, which every instance may do as well.
/// </summary>
internal sealed partial class SlaMonitor(IServiceScopeFactory scopes, IOptions<SlaMonitorOptions> options, TimeProvider clock, ILogger<SlaMonitor> log)
    : PollingWorker(scopes, clock, log)
{
    private static readonly TimeSpan s_pruneInterval = TimeSpan.FromHours(1);
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    protected override string Name => "SLA monitor";

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override async Task<bool> RunPassAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var due = await services.GetRequiredService<SlaSweep>().RunOnceAsync(cancellationToken);
        if (Time.GetUtcNow() >= _nextPrune)
        {
            var pruned = await services.GetRequiredService<ComplaintsOutbox>().PruneAsync(options.Value.DeliveryRetention, cancellationToken);
            _nextPrune = Time.GetUtcNow() + s_pruneInterval;
            LogPruned(Logger, pruned);
        }

        // A full batch suggests more is due: go again at once.
        return due >= options.Value.BatchSize;
    }

    [LoggerMessage(EventId = 1210, Level = LogLevel.Information, Message = "Pruned {Count} settled outbox delivery rows")]
    private static partial void LogPruned(ILogger logger, int count);
}
