using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Redress.SharedKernel;
using Redress.SharedKernel.Hosting;
using Redress.SharedKernel.Ledger;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Features;

/// <summary>
/// Pays a remedy exactly once. First the request is stored (remedy executing, <c>remedy.requested</c> on the
/// timeline) in one transaction; then the ledger is called with the remedy's idempotency key; then the result is
/// confirmed (<c>remedy.executed</c> or <c>remedy.failed</c>) in a second transaction. A crash between the ledger call
/// and the confirmation leaves the remedy executing; <see cref="ResumeAsync"/> calls the ledger again with the same
/// key, which returns the first posting instead of making a second one. A ledger that throws (unreachable, timed
/// out) gives no answer either way, so the remedy stays executing for the worker and the caller gets a 503.
/// </summary>
public sealed partial class RemedyExecutor(CaseWork work, ILedger ledger, ILogger<RemedyExecutor> logger)
{
    public async Task<Result<RemedyView>> ExecuteAsync(Actor actor, string number, Guid remedyId, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(actor, number, remedyId, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var (complaint, remedy) = loaded.Value;
        if ((complaint.RemedyRefusal(proposing: false) ?? remedy.Request(actor, work.Now)) is { } refused)
        {
            work.Db.ChangeTracker.Clear();
            return work.Localize(refused);
        }

        complaint.RecordRemedy(TimelineEventTypes.RemedyRequested, actor, remedy, work.Now);
        if (await work.SaveAsync(cancellationToken) is { } failed)
        {
            return failed;
        }

        LogRequested(logger, number, remedy.Id, remedy.Kind);
        return await CompleteAsync(remedy.Id, actor, resumed: false, cancellationToken);
    }

    /// <summary>Finishes every remedy that was requested before <paramref name="requestedBefore"/> and never confirmed.</summary>
    public async Task<int> ResumeAsync(DateTimeOffset requestedBefore, CancellationToken cancellationToken)
    {
        var stale = await work.Db.Remedies.AsNoTracking()
            .Where(r => r.Status == RemedyStatus.Executing && r.RequestedAt < requestedBefore)
            .Select(r => new { r.Id, r.RequestedById })
            .ToListAsync(cancellationToken);
        foreach (var remedy in stale)
        {
            // The confirmation is the requester's: the worker only finishes what they started (a rule's, the platform's).
            var requester = remedy.RequestedById is { } id && id != Guid.Empty
                ? new Actor(id, new HashSet<string>(StringComparer.Ordinal) { RedressRoles.Agent }, string.Empty, string.Empty)
                : PlatformActor.Instance;
            await CompleteAsync(remedy.Id, requester, resumed: true, cancellationToken);
        }

        return stale.Count;
    }

    internal async Task<Result<(Complaint Complaint, Remedy Remedy)>> LoadAsync(Actor actor, string number, Guid remedyId, CancellationToken cancellationToken)
    {
        if (!actor.IsCaseWorker)
        {
            return work.Localize(CaseErrors.Forbidden("action_not_allowed_for_role"));
        }

        var loaded = await work.LoadForChangeAsync(actor, number, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var remedy = await work.Db.Remedies.SingleOrDefaultAsync(r => r.Id == remedyId && r.ComplaintId == loaded.Value.Id, cancellationToken);
        if (remedy is null)
        {
            work.Db.ChangeTracker.Clear();
            return Error.NotFound("remedy_not_found", work.Text["remedy_not_found"]);
        }

        return (loaded.Value, remedy);
    }

    internal async Task<Result<RemedyView>> CompleteAsync(Guid remedyId, Actor actor, bool resumed, CancellationToken cancellationToken)
    {
        work.Db.ChangeTracker.Clear();
        var remedy = await work.Db.Remedies.AsNoTracking().SingleAsync(r => r.Id == remedyId, cancellationToken);
        Result<LedgerTransaction>? paid = null;
        if (remedy.MovesMoney)
        {
            try
            {
                paid = await PayAsync(remedy, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Whatever the ledger threw, whether it paid is unknown: only a retry with the same key can tell.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogLedgerUnavailable(logger, exception, remedy.ComplaintNumber, remedy.Id, resumed);
                return work.Localize(Error.Unavailable("remedy_ledger_unavailable", "remedy_ledger_unavailable"));
            }
        }

        var loaded = await LoadAsync(actor, remedy.ComplaintNumber, remedyId, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var (complaint, tracked) = loaded.Value;
        if (tracked.Status != RemedyStatus.Executing)
        {
            // Someone else confirmed it meanwhile; the ledger key made sure they confirmed the same posting.
            work.Db.ChangeTracker.Clear();
            return RemedyView.Of(tracked);
        }

        if (paid is { IsSuccess: false } refusal)
        {
            tracked.Fail(refusal.Error.Code, work.Now);
            complaint.RecordRemedy(TimelineEventTypes.RemedyFailed, actor, tracked, work.Now, resumed);
        }
        else
        {
            tracked.Complete(paid?.Value.Reference, work.Now);
            complaint.RecordRemedy(TimelineEventTypes.RemedyExecuted, actor, tracked, work.Now, resumed);
        }

        if (await work.SaveAsync(cancellationToken) is { } failed)
        {
            return failed;
        }

        LogCompleted(logger, remedy.ComplaintNumber, tracked.Id, tracked.Status, resumed);
        return RemedyView.Of(tracked);
    }

    private async Task<Result<LedgerTransaction>> PayAsync(Remedy remedy, CancellationToken cancellationToken)
    {
        var reason = $"Complaint {remedy.ComplaintNumber}: {remedy.Reason}";
        return remedy.Kind switch
        {
            RemedyKind.Refund => await ledger.RefundAsync(new RefundRequest(remedy.IdempotencyKey, remedy.TransactionReference!, remedy.Amount!.Value, reason), cancellationToken),
            RemedyKind.Compensation => await ledger.CreditCompensationAsync(new CompensationRequest(remedy.IdempotencyKey, remedy.AccountId!.Value, remedy.Amount!.Value, reason), cancellationToken),
            RemedyKind.FeeReversal => await ledger.ReverseFeeAsync(new FeeReversalRequest(remedy.IdempotencyKey, remedy.TransactionReference!, reason), cancellationToken),
            RemedyKind.SettleRefund => await ledger.SettlePendingRefundAsync(new SettleRefundRequest(remedy.IdempotencyKey, remedy.TransactionReference!, reason), cancellationToken),
            _ => throw new InvalidOperationException($"Remedy kind {remedy.Kind} moves no money."),
        };
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Complaint {ComplaintNumber}: remedy {RemedyId} ({Kind}) requested")]
    private static partial void LogRequested(ILogger logger, string complaintNumber, Guid remedyId, RemedyKind kind);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Warning, Message = "Complaint {ComplaintNumber}: ledger failed while paying remedy {RemedyId} (resumed: {Resumed}); it stays executing for the worker")]
    private static partial void LogLedgerUnavailable(ILogger logger, Exception exception, string complaintNumber, Guid remedyId, bool resumed);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Complaint {ComplaintNumber}: remedy {RemedyId} now {Status} (resumed: {Resumed})")]
    private static partial void LogCompleted(ILogger logger, string complaintNumber, Guid remedyId, RemedyStatus status, bool resumed);
}

/// <summary>The platform as an actor: rules' remedies and decisions are recorded as the system's, not a person's.</summary>
internal static class PlatformActor
{
    public static Actor Instance { get; } = new(
        Guid.Empty, new HashSet<string>(StringComparer.Ordinal) { RedressRoles.Agent, RedressRoles.Platform }, string.Empty, string.Empty);
}

/// <summary>Finishes remedies left executing by a crash or a lost connection, after a grace period that lets inline execution finish first.</summary>
internal sealed partial class RemedyWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<RemedyOptions> options, ILogger<RemedyWorker> log)
    : PollingWorker(scopes, clock, log)
{
    protected override string Name => "Remedy worker";

    protected override TimeSpan PollInterval => options.Value.WorkerInterval;

    // A remedy a live request is executing is not interrupted; the worker looks only after an interval.
    protected override bool WaitBeforeFirstPass => true;

    protected override async Task<bool> RunPassAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var resumed = await services.GetRequiredService<RemedyExecutor>()
            .ResumeAsync(Time.GetUtcNow() - options.Value.ResumeAfter, cancellationToken);
        if (resumed > 0)
        {
            LogResumed(Logger, resumed);
        }

        return false;
    }

    [LoggerMessage(EventId = 1406, Level = LogLevel.Information, Message = "Resumed {Count} interrupted remedies")]
    private static partial void LogResumed(ILogger logger, int count);
}
