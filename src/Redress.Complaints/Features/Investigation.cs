using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Redress.SharedKernel;
using Redress.SharedKernel.Http;
using Redress.SharedKernel.Ledger;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Features;

/// <summary>The <c>Complaints:Investigation</c> configuration section.</summary>
public sealed class InvestigationOptions
{
    public const string SectionName = "Complaints:Investigation";

    /// <summary>How far either side of the claimed time (or the named transaction) to look for related transactions.</summary>
    [Range(1, 24 * 31)]
    public int WindowHours { get; set; } = 24;

    /// <summary>Two debits of the same amount to the same counterparty this close together look like a double charge.</summary>
    [Range(1, 24 * 60)]
    public int DuplicateMinutes { get; set; } = 10;
}

/// <summary>One transaction as the investigation reports it.</summary>
public sealed record TransactionFinding(
    string Reference,
    LedgerTransactionType Type,
    LedgerTransactionStatus Status,
    LedgerDirection Direction,
    Money Amount,
    string? Counterparty,
    DateTimeOffset CreatedAt,
    bool Posted,
    string? FailureReason,
    string? OriginalReference,
    DateTimeOffset? PromisedBy)
{
    internal static TransactionFinding Of(LedgerTransaction t) => new(
        t.Reference, t.Type, t.Status, t.Direction, t.Amount, t.Counterparty, t.CreatedAt, t.Posted, t.FailureReason, t.OriginalReference, t.PromisedBy);
}

/// <summary>
/// Whether the complaint's claim holds against the ledger. <see cref="Findings"/> are stable codes (localized in
/// the UI); the transaction lists only ever hold the complainant's own transactions. A report whose ledger reads
/// failed or were cut short says so (<see cref="HistoryComplete"/> false, finding <c>history_incomplete</c>): its
/// refunds and duplicates may be missing, so people may read it but no automatic rule pays on it.
/// </summary>
public sealed record InvestigationReport(
    string? ClaimedReference,
    Money? ClaimedAmount,
    DateTimeOffset ClaimedAt,
    TransactionFinding? Match,
    bool? AmountMatches,
    bool? TimeMatches,
    Money? RefundedSoFar,
    IReadOnlyList<string> Findings,
    IReadOnlyList<TransactionFinding> Refunds,
    IReadOnlyList<TransactionFinding> Fees,
    IReadOnlyList<TransactionFinding> LikelyDuplicates,
    IReadOnlyList<TransactionFinding> Nearby)
{
    public bool HistoryComplete { get; init; } = true;
}

/// <summary>Looks the complaint's transaction up through <see cref="ILedger"/> and reports what the ledger says.</summary>
public sealed class InvestigationHandler(CaseWork work, ILedger ledger, IOptions<InvestigationOptions> options)
{
    private const int PageSize = 100;
    private const int MaxPages = 10;

    /// <summary>The report, read-only.</summary>
    public async Task<Result<InvestigationReport>> ReportAsync(Actor actor, string number, CancellationToken cancellationToken)
    {
        if (!actor.IsCaseWorker)
        {
            return work.Localize(CaseErrors.Forbidden("action_not_allowed_for_role"));
        }

        var found = await work.FindAsync(actor, number, track: false, cancellationToken);
        return found.IsSuccess ? await InvestigateAsync(found.Value, cancellationToken) : found.Error;
    }

    /// <summary>Runs the investigation and records its findings on the timeline as an internal entry.</summary>
    public async Task<Result<InvestigationReport>> RecordAsync(Actor actor, string number, CancellationToken cancellationToken)
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

        var report = await InvestigateAsync(loaded.Value, cancellationToken);
        loaded.Value.RecordInvestigation(
            actor,
            new ComplaintInvestigated(
                report.Findings,
                report.Match?.Reference,
                report.AmountMatches,
                report.TimeMatches,
                report.RefundedSoFar?.MinorUnits,
                [.. report.Fees.Select(f => f.Reference)],
                [.. report.LikelyDuplicates.Select(f => f.Reference)]),
            work.Now);
        return await work.SaveAsync(cancellationToken) is { } refused ? refused : report;
    }

    internal async Task<InvestigationReport> InvestigateAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        var window = TimeSpan.FromHours(options.Value.WindowHours);
        var accounts = (await ledger.AccountsOfAsync(complaint.CustomerId, cancellationToken)).Select(a => a.AccountId).ToHashSet();
        var findings = new List<string>();

        LedgerTransaction? named = null;
        if (complaint.TransactionReference is { } reference)
        {
            var lookup = await ledger.FindAsync(reference, cancellationToken);
            // Another customer's transaction is reported exactly like a missing one: its existence is not ours to show.
            named = lookup.IsSuccess && accounts.Contains(lookup.Value.AccountId) ? lookup.Value : null;
            findings.Add(named is null ? "transaction_not_found" : "transaction_found");
        }

        var anchor = named?.CreatedAt ?? complaint.OccurredAt;
        var nearby = new List<LedgerTransaction>();
        var complete = true;
        foreach (var account in accounts)
        {
            var read = await HistoryAsync(new HistoryQuery(account, anchor - window, anchor + window), cancellationToken);
            nearby.AddRange(read.Items);
            complete &= read.Complete;
        }

        var claimed = complaint.Amount;
        var match = named;
        if (match is null && complaint.TransactionReference is null && claimed is { } amount)
        {
            match = nearby
                .Where(t => t.Direction == LedgerDirection.Debit && t.Amount == amount)
                .OrderBy(t => (t.CreatedAt - complaint.OccurredAt).Duration())
                .FirstOrDefault();
            findings.Add(match is null ? "no_matching_amount" : "matching_amount_found");
        }

        bool? amountMatches = match is not null && claimed is { } c ? match.Amount == c : null;
        bool? timeMatches = match is not null ? (match.CreatedAt - complaint.OccurredAt).Duration() <= window : null;
        if (amountMatches is { } am)
        {
            findings.Add(am ? "amount_matches" : "amount_differs");
        }

        if (timeMatches is { } tm)
        {
            findings.Add(tm ? "time_matches" : "time_differs");
        }

        List<LedgerTransaction> refunds = [];
        Money? refunded = null;
        if (match is not null)
        {
            findings.AddRange(StatusFindings(match));
            var later = await HistoryAsync(new HistoryQuery(match.AccountId, match.CreatedAt), cancellationToken);
            complete &= later.Complete;
            refunds = [.. later.Items.Where(t => t.Type == LedgerTransactionType.Refund && t.OriginalReference == match.Reference && t.Status != LedgerTransactionStatus.Failed)];
            refunded = new Money(refunds.Sum(r => r.Amount.MinorUnits), match.Amount.Currency);
            if (refunds.Count > 0)
            {
                findings.Add(refunded.Value.MinorUnits >= match.Amount.MinorUnits ? "refunded_in_full" : "refunded_in_part");
            }
        }

        var fees = nearby.Where(t => t.Type == LedgerTransactionType.Fee).ToList();
        if (fees.Count > 0)
        {
            findings.Add("fees_charged");
        }

        var duplicates = Duplicates(nearby, match, TimeSpan.FromMinutes(options.Value.DuplicateMinutes));
        if (duplicates.Count > 0)
        {
            findings.Add("likely_duplicates");
        }

        if (!complete)
        {
            findings.Add("history_incomplete");
        }

        return new InvestigationReport(
            complaint.TransactionReference,
            claimed,
            complaint.OccurredAt,
            match is null ? null : TransactionFinding.Of(match),
            amountMatches,
            timeMatches,
            refunded,
            findings,
            [.. refunds.Select(TransactionFinding.Of)],
            [.. fees.Select(TransactionFinding.Of)],
            [.. duplicates.Select(TransactionFinding.Of)],
            [.. nearby.OrderByDescending(t => t.CreatedAt).Select(TransactionFinding.Of)])
        {
            HistoryComplete = complete,
        };
    }

    private static IEnumerable<string> StatusFindings(LedgerTransaction t)
    {
        switch (t.Status)
        {
            case LedgerTransactionStatus.Failed when t.Posted && t.Direction == LedgerDirection.Debit:
                yield return "failed_but_debited";
                break;
            case LedgerTransactionStatus.Failed:
                yield return "failed";
                break;
            case LedgerTransactionStatus.Pending:
                yield return "pending";
                break;
            case LedgerTransactionStatus.Reversed:
                yield return "reversed";
                break;
            default:
                yield return "completed";
                break;
        }

        if (t.PromisedBy is { } promised && t.Status == LedgerTransactionStatus.Pending)
        {
            yield return "promised_by_" + promised.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Debits of the same amount to the same counterparty within minutes of each other (of the match, when there is one).</summary>
    private static List<LedgerTransaction> Duplicates(List<LedgerTransaction> nearby, LedgerTransaction? match, TimeSpan within)
    {
        var debits = nearby.Where(t => t.Direction == LedgerDirection.Debit && t.Type != LedgerTransactionType.Fee && t.Counterparty is not null).ToList();
        bool Twin(LedgerTransaction a, LedgerTransaction b) =>
            a.Reference != b.Reference && a.Amount == b.Amount && a.Counterparty == b.Counterparty && (a.CreatedAt - b.CreatedAt).Duration() <= within;

        return match is not null
            ? [.. debits.Where(t => Twin(t, match))]
            : [.. debits.Where(t => debits.Any(other => Twin(t, other)))];
    }

    /// <summary>Up to <see cref="MaxPages"/> pages of history; <c>Complete</c> is false when a read failed or pages were left unread.</summary>
    private async Task<(List<LedgerTransaction> Items, bool Complete)> HistoryAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        var all = new List<LedgerTransaction>();
        var cursor = (string?)null;
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await ledger.HistoryAsync(query with { Cursor = cursor, Limit = PageSize }, cancellationToken);
            if (!result.IsSuccess)
            {
                return (all, false);
            }

            all.AddRange(result.Value.Items);
            cursor = result.Value.NextCursor;
            if (cursor is null)
            {
                return (all, true);
            }
        }

        return (all, false);
    }
}

internal static class InvestigationEndpoints
{
    public static void MapInvestigation(this RouteGroupBuilder group)
    {
        var staff = group.MapGroup("/{number}/investigation").RequireAuthorization(RedressPolicies.CaseWorker);
        staff.MapGet("/", (string number, HttpContext http, InvestigationHandler h, CancellationToken ct) =>
            Answer(h.ReportAsync(CaseLifecycleEndpoints.ActorOf(http), number, ct))).WithName("GetInvestigation").WithSummary("What the ledger says about the complaint's claim");
        staff.MapPost("/", (string number, HttpContext http, InvestigationHandler h, CancellationToken ct) =>
            Answer(h.RecordAsync(CaseLifecycleEndpoints.ActorOf(http), number, ct))).WithName("RecordInvestigation").WithSummary("Run the investigation and record the findings on the timeline (internal)");
    }

    private static Task<Results<Ok<InvestigationReport>, ProblemHttpResult>> Answer(Task<Result<InvestigationReport>> pending) => pending.ToHttpAsync();
}
