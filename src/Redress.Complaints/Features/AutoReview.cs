using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Redress.Complaints.Data;
using Redress.Complaints.Resources;
using Redress.SharedKernel;
using Redress.SharedKernel.Http;
using Redress.SharedKernel.Ledger;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Features;

/// <summary>Why a supervisor reverses an automatic decision; kept as an internal note for whoever picks the case up.</summary>
public sealed record ReverseAutoDecisionRequest([Required] string? Reasons);

/// <summary>An automatic decision waiting for a supervisor: the complaint, the rule, and what it paid.</summary>
public sealed record AutoDecisionItem(ComplaintSummary Complaint, string? Rule, MoneyView? Paid, string? LedgerReference, DateTimeOffset? DecidedAt);

/// <summary>
/// Supervisors' review of automatic decisions: the queue of those awaiting review, confirm, and reverse. Reversing
/// first claws the money back through the ledger under a key derived from the remedy (so a retried reverse takes it
/// back once), then, in one transaction, marks the remedy reversed and puts the complaint back to people.
/// </summary>
public sealed partial class AutoReviewHandler(CaseWork work, ILedger ledger, ILogger<AutoReviewHandler> logger)
{
    public async Task<Result<Page<AutoDecisionItem>>> AwaitingReviewAsync(Actor staff, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        if (!staff.IsCaseWorker)
        {
            return work.Localize(CaseErrors.Forbidden("action_not_allowed_for_role"));
        }

        var paging = KeysetCursor.Parse(cursor, limit);
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var (afterId, size) = paging.Value;
        var rows = await work.Db.Complaints.AsNoTracking()
            .Where(c => c.AutoDecision == AutoDecisionReview.AwaitingReview && c.Id < afterId)
            .OrderByDescending(c => c.Id)
            .Take(size + 1)
            .ToListAsync(cancellationToken);
        var page = KeysetCursor.ToPage(rows, size, c => c.Id);
        var ids = page.Items.Select(c => c.Id).ToList();
        var remedies = (await work.Db.Remedies.AsNoTracking().Where(r => ids.Contains(r.ComplaintId) && r.Rule != null).ToListAsync(cancellationToken))
            .GroupBy(r => r.ComplaintId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.ProposedAt).First());
        return new Page<AutoDecisionItem>(
            [.. page.Items.Select(c =>
            {
                var remedy = remedies.GetValueOrDefault(c.Id);
                return new AutoDecisionItem(ComplaintSummaries.ToSummary(c), c.AutoRule ?? remedy?.Rule, MoneyView.From(remedy?.Amount), remedy?.LedgerReference, remedy?.CompletedAt);
            })],
            page.NextCursor);
    }

    public Task<Result<ComplaintDetails>> ConfirmAsync(Actor actor, string number, CancellationToken cancellationToken) =>
        work.RetryOnConflictAsync<ComplaintDetails>(async () =>
        {
            var loaded = await work.LoadForChangeAsync(actor, number, cancellationToken);
            if (!loaded.IsSuccess)
            {
                return loaded.Error;
            }

            var confirmed = loaded.Value.ConfirmAutoDecision(actor, work.Now);
            if (!confirmed.IsSuccess)
            {
                work.Db.ChangeTracker.Clear();
                return work.Localize(confirmed.Error);
            }

            if (await work.SaveAsync(cancellationToken) is { } failed)
            {
                return failed;
            }

            LogReviewed(logger, number, AutoDecisionReview.Confirmed);
            return await work.ReadAsync(loaded.Value, actor, cancellationToken);
        });

    public async Task<Result<ComplaintDetails>> ReverseAsync(Actor actor, string number, ReverseAutoDecisionRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var reasons = errors.CheckText(work.Text, "reasons", request.Reasons, ComplaintMessageConfiguration.BodyMaxLength);
        if (reasons is null)
        {
            return errors.ToError();
        }

        var found = await work.FindAsync(actor, number, track: false, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        // Refuse before any money moves: wrong role, nothing to review, already confirmed or reversed, under appeal.
        if (found.Value.AutoReviewRefusal(actor) is { } refused)
        {
            return work.Localize(refused);
        }

        var remedy = await work.Db.Remedies.AsNoTracking()
            .Where(r => r.ComplaintId == found.Value.Id && r.Rule != null && r.Status == RemedyStatus.Executed && r.LedgerReference != null)
            .OrderByDescending(r => r.ProposedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (remedy is null)
        {
            return work.Localize(CaseErrors.Conflict("auto_reversal_no_payment"));
        }

        // The ledger reason is fixed, so a retry after a crash sends the same request under the same key and replays.
        Result<LedgerTransaction> reversal;
        try
        {
            reversal = await ledger.ReverseAsync(
                new ReversalRequest(remedy.ReversalKey, remedy.LedgerReference!, $"Complaint {ComplaintProjections.DisplayNumber(remedy.ComplaintNumber)}: automatic decision reversed"),
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever the ledger threw, whether it reversed is unknown; the supervisor's retry under the same key tells.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogReversalUnavailable(logger, exception, number);
            return work.Localize(Error.Unavailable("auto_reversal_ledger_unavailable", "auto_reversal_ledger_unavailable"));
        }

        if (!reversal.IsSuccess)
        {
            LogReversalRefused(logger, number, reversal.Error.Code);
            return reversal.Error;
        }

        return await work.RetryOnConflictAsync<ComplaintDetails>(async () =>
        {
            var loaded = await work.LoadForChangeAsync(actor, number, cancellationToken);
            if (!loaded.IsSuccess)
            {
                return loaded.Error;
            }

            var tracked = await work.Db.Remedies.SingleAsync(r => r.Id == remedy.Id, cancellationToken);
            var reversed = loaded.Value.ReverseAutoDecision(actor, tracked, reversal.Value.Reference, reasons, work.Now);
            if (!reversed.IsSuccess)
            {
                work.Db.ChangeTracker.Clear();
                return work.Localize(reversed.Error);
            }

            if (await work.SaveAsync(cancellationToken) is { } failed)
            {
                return failed;
            }

            LogReviewed(logger, number, AutoDecisionReview.Reversed);
            return await work.ReadAsync(loaded.Value, actor, cancellationToken);
        });
    }

    [LoggerMessage(EventId = 1305, Level = LogLevel.Information, Message = "Complaint {ComplaintNumber}: automatic decision {Review}")]
    private static partial void LogReviewed(ILogger logger, string complaintNumber, AutoDecisionReview review);

    [LoggerMessage(EventId = 1306, Level = LogLevel.Warning, Message = "Complaint {ComplaintNumber}: ledger refused the reversal ({Code})")]
    private static partial void LogReversalRefused(ILogger logger, string complaintNumber, string code);

    [LoggerMessage(EventId = 1308, Level = LogLevel.Warning, Message = "Complaint {ComplaintNumber}: the ledger failed while reversing an automatic decision; the decision is unchanged until a supervisor retries")]
    private static partial void LogReversalUnavailable(ILogger logger, Exception exception, string complaintNumber);
}

internal static class AutoReviewEndpoints
{
    public static void MapAutoReview(this RouteGroupBuilder complaints, IEndpointRouteBuilder endpoints)
    {
        var staff = complaints.MapGroup("/{number}/automatic-decision").RequireAuthorization(RedressPolicies.CaseWorker);
        staff.MapPost("/confirm", (string number, HttpContext http, AutoReviewHandler h, CancellationToken ct) =>
            CaseLifecycleEndpoints.Answer(h.ConfirmAsync(CaseLifecycleEndpoints.ActorOf(http), number, ct)))
            .WithName("ConfirmAutomaticDecision").WithSummary("A supervisor confirms an automatic decision; it leaves the review queue");
        staff.MapPost("/reverse", (string number, ReverseAutoDecisionRequest request, HttpContext http, AutoReviewHandler h, CancellationToken ct) =>
            CaseLifecycleEndpoints.Answer(h.ReverseAsync(CaseLifecycleEndpoints.ActorOf(http), number, request, ct)))
            .WithName("ReverseAutomaticDecision").WithSummary("A supervisor takes the automatic remedy back through the ledger and reopens the complaint for people");

        endpoints.MapGet("/api/staff/automatic-decisions", ListAsync)
            .WithTags("Staff")
            .RequireAuthorization(RedressPolicies.CaseWorker)
            .WithName("AutomaticDecisionsAwaitingReview")
            .WithSummary("Complaints decided by an automatic rule and not yet confirmed or reversed, newest first")
            .ProducesValidationProblem();
    }

    private static async Task<Results<Ok<Page<AutoDecisionItem>>, ProblemHttpResult>> ListAsync(
        HttpContext context, AutoReviewHandler handler, CancellationToken cancellationToken, string? cursor = null, int? limit = null)
    {
        var result = await handler.AwaitingReviewAsync(CaseLifecycleEndpoints.ActorOf(context), cursor, limit, cancellationToken);
        return result.ToHttp();
    }
}
