using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Redress.Complaints.Data;
using Redress.SharedKernel;
using Redress.SharedKernel.Http;
using Redress.SharedKernel.Ledger;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Features;

/// <summary>The <c>Complaints:Remedies</c> configuration section.</summary>
public sealed class RemedyOptions
{
    public const string SectionName = "Complaints:Remedies";

    /// <summary>Remedies worth more than this (in minor units of their currency) need a second person's approval.</summary>
    [Range(0, long.MaxValue)]
    public long ApprovalThresholdMinorUnits { get; set; } = 10_000;

    /// <summary>A remedy still executing this long after its request is taken to be interrupted and is resumed by the worker.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ResumeAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the worker looks for interrupted remedies.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan WorkerInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>A remedy to propose. Amount and currency for money, points for points, a transaction for refunds and fee reversals.</summary>
public sealed record ProposeRemedyRequest(
    [Required, EnumDataType(typeof(RemedyKind))] string? Kind,
    string? TransactionReference,
    decimal? Amount,
    string? Currency,
    long? Points,
    [Required] string? Reason);

/// <summary>A remedy as staff and the complainant see it.</summary>
public sealed record RemedyView(
    Guid Id,
    string Kind,
    string Status,
    Money? Amount,
    long? Points,
    string? TransactionReference,
    string Reason,
    bool RequiresApproval,
    Guid? ProposedById,
    DateTimeOffset ProposedAt,
    Guid? ApprovedById,
    string? LedgerReference,
    string? FailureCode,
    DateTimeOffset? CompletedAt)
{
    /// <summary>The automatic rule that gave the remedy; null for a person's.</summary>
    public string? Rule { get; init; }

    /// <summary>The ledger transaction that took the money back after a supervisor reversed the remedy.</summary>
    public string? ReversalReference { get; init; }

    internal static RemedyView Of(Remedy r) => new(
        r.Id, r.Kind.ToString(), r.Status.ToString(), r.Amount, r.Points, r.TransactionReference, r.Reason, r.RequiresApproval,
        r.ProposedById, r.ProposedAt, r.ApprovedById, r.LedgerReference, r.FailureCode, r.CompletedAt)
    {
        Rule = r.Rule,
        ReversalReference = r.ReversalReference,
    };
}

/// <summary>Proposing, approving and listing remedies; execution is <see cref="RemedyExecutor"/>'s.</summary>
public sealed class RemediesHandler(CaseWork work, ILedger ledger, IOptions<RemedyOptions> options, RemedyExecutor executor)
{
    public async Task<Result<IReadOnlyList<RemedyView>>> ListAsync(Actor actor, string number, CancellationToken cancellationToken)
    {
        var found = await work.FindAsync(actor, number, track: false, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var remedies = await work.Db.Remedies.AsNoTracking().Where(r => r.ComplaintId == found.Value.Id).ToListAsync(cancellationToken);
        // The customer sees what is being or was given, not proposals still under discussion, nor who handled them.
        return actor.IsCaseWorker
            ? remedies.OrderBy(r => r.ProposedAt).Select(RemedyView.Of).ToList()
            : remedies.Where(r => r.Status is RemedyStatus.Executing or RemedyStatus.Executed or RemedyStatus.Failed or RemedyStatus.Reversed)
                .OrderBy(r => r.ProposedAt).Select(r => RemedyView.Of(r) with { ProposedById = null, ApprovedById = null }).ToList();
    }

    public async Task<Result<RemedyView>> ProposeAsync(Actor actor, string number, ProposeRemedyRequest request, CancellationToken cancellationToken)
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

        var complaint = loaded.Value;
        if (complaint.RemedyRefusal(proposing: true) is { } closed)
        {
            work.Db.ChangeTracker.Clear();
            return work.Localize(closed);
        }

        var checkedRequest = await CheckAsync(complaint, request, cancellationToken);
        if (!checkedRequest.IsSuccess)
        {
            work.Db.ChangeTracker.Clear();
            return checkedRequest.Error;
        }

        var (kind, amount, points, reference, accountId, reason) = checkedRequest.Value;
        var needsApproval = amount is { } money && money.MinorUnits > options.Value.ApprovalThresholdMinorUnits;
        var remedy = Remedy.Propose(complaint, kind, amount, points, reference, accountId, reason, needsApproval, actor, work.Now);
        work.Db.Remedies.Add(remedy);
        complaint.RecordRemedy(TimelineEventTypes.RemedyProposed, actor, remedy, work.Now);
        return await work.SaveAsync(cancellationToken) is { } refused ? refused : RemedyView.Of(remedy);
    }

    public async Task<Result<RemedyView>> ApproveAsync(Actor actor, string number, Guid remedyId, CancellationToken cancellationToken)
    {
        var loaded = await executor.LoadAsync(actor, number, remedyId, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var (complaint, remedy) = loaded.Value;
        if ((complaint.RemedyRefusal(proposing: false) ?? remedy.Approve(actor, work.Now)) is { } refused)
        {
            work.Db.ChangeTracker.Clear();
            return work.Localize(refused);
        }

        complaint.RecordRemedy(TimelineEventTypes.RemedyApproved, actor, remedy, work.Now);
        return await work.SaveAsync(cancellationToken) is { } failed ? failed : RemedyView.Of(remedy);
    }

    private async Task<Result<(RemedyKind Kind, Money? Amount, long? Points, string? Reference, Guid? AccountId, string Reason)>> CheckAsync(
        Complaint complaint, ProposeRemedyRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var kind = ParseKind(errors, request.Kind);
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors.Add("reason", work.Text["TextRequired"]);
        }
        else if (reason.Length > RemedyConfiguration.ReasonMaxLength)
        {
            errors.Add("reason", work.Text["TextTooLong", RemedyConfiguration.ReasonMaxLength]);
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        Money? amount = null;
        long? points = null;
        string? reference = null;
        Guid? accountId = null;
        switch (kind!.Value)
        {
            case RemedyKind.Refund:
                var original = await OwnTransactionAsync(errors, complaint, request.TransactionReference, cancellationToken);
                if (original is null)
                {
                    break;
                }

                reference = original.Reference;
                amount = ParseAmount(errors, request, original.Amount.Currency);
                if (original.Direction != LedgerDirection.Debit || !original.Posted || original.Type is LedgerTransactionType.Fee or LedgerTransactionType.Refund)
                {
                    errors.Add("transactionReference", work.Text["RemedyNotRefundable"]);
                }
                else if (amount is { } refund && await RefundableAsync(original, cancellationToken) is var left && refund.MinorUnits > left)
                {
                    errors.Add("amount", work.Text["RemedyRefundExceedsOriginal", new Money(left, original.Amount.Currency).ToString(System.Globalization.CultureInfo.CurrentCulture)]);
                }

                break;
            case RemedyKind.FeeReversal:
                var fee = await OwnTransactionAsync(errors, complaint, request.TransactionReference, cancellationToken);
                if (fee is null)
                {
                    break;
                }

                if (fee.Type != LedgerTransactionType.Fee || fee.Status != LedgerTransactionStatus.Completed)
                {
                    errors.Add("transactionReference", work.Text["RemedyNotAFee"]);
                }

                reference = fee.Reference;
                amount = fee.Amount;
                break;
            case RemedyKind.SettleRefund:
                var pending = await OwnTransactionAsync(errors, complaint, request.TransactionReference, cancellationToken);
                if (pending is null)
                {
                    break;
                }

                if (pending.Type != LedgerTransactionType.Refund || pending.Status != LedgerTransactionStatus.Pending || pending.Posted)
                {
                    errors.Add("transactionReference", work.Text["RemedyNotPendingRefund"]);
                }

                reference = pending.Reference;
                amount = pending.Amount;
                break;
            case RemedyKind.Compensation:
                var currency = ParseCurrency(errors, request.Currency);
                if (currency is null)
                {
                    break;
                }

                amount = ParseAmount(errors, request, currency.Value);
                var wallet = (await ledger.AccountsOfAsync(complaint.CustomerId, cancellationToken)).FirstOrDefault(a => a.Balance.Currency == currency.Value);
                if (wallet is null)
                {
                    errors.Add("currency", work.Text["RemedyNoWalletInCurrency", currency.Value.Code]);
                }

                accountId = wallet?.AccountId;
                break;
            case RemedyKind.Voucher:
                var voucherCurrency = ParseCurrency(errors, request.Currency);
                amount = voucherCurrency is null ? null : ParseAmount(errors, request, voucherCurrency.Value);
                break;
            case RemedyKind.Points:
                if (request.Points is not > 0)
                {
                    errors.Add("points", work.Text["RemedyPointsPositive"]);
                }

                points = request.Points;
                break;
            case RemedyKind.ServiceAdjustment:
                break;
        }

        return errors.Any ? errors.ToError() : (kind.Value, amount, points, reference, accountId, reason!);
    }

    /// <summary>The complainant's own transaction, or a field error that is the same whether it is missing or someone else's.</summary>
    private async Task<LedgerTransaction?> OwnTransactionAsync(ValidationErrors errors, Complaint complaint, string? reference, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            errors.Add("transactionReference", work.Text["RemedyTransactionRequired"]);
            return null;
        }

        var found = await ledger.FindAsync(reference.Trim(), cancellationToken);
        var accounts = await ledger.AccountsOfAsync(complaint.CustomerId, cancellationToken);
        if (!found.IsSuccess || accounts.All(a => a.AccountId != found.Value.AccountId))
        {
            errors.Add("transactionReference", work.Text["RemedyTransactionUnknown"]);
            return null;
        }

        return found.Value;
    }

    /// <summary>The original less what the ledger already refunded and what other open refund remedies will.</summary>
    private async Task<long> RefundableAsync(LedgerTransaction original, CancellationToken cancellationToken)
    {
        var refunded = 0L;
        string? cursor = null;
        do
        {
            var page = await ledger.HistoryAsync(new HistoryQuery(original.AccountId, original.CreatedAt, Cursor: cursor, Limit: 100), cancellationToken);
            if (!page.IsSuccess)
            {
                break;
            }

            refunded += page.Value.Items
                .Where(t => t.Type == LedgerTransactionType.Refund && t.OriginalReference == original.Reference && t.Status != LedgerTransactionStatus.Failed)
                .Sum(t => t.Amount.MinorUnits);
            cursor = page.Value.NextCursor;
        }
        while (cursor is not null);

        // Executed remedies are in the ledger already; the ones still on their way are not.
        var pending = await work.Db.Remedies.AsNoTracking()
            .Where(r => r.Kind == RemedyKind.Refund && r.TransactionReference == original.Reference
                && (r.Status == RemedyStatus.Proposed || r.Status == RemedyStatus.Approved || r.Status == RemedyStatus.Executing))
            .Select(r => r.AmountMinorUnits ?? 0)
            .ToListAsync(cancellationToken);
        return original.Amount.MinorUnits - refunded - pending.Sum();
    }

    private RemedyKind? ParseKind(ValidationErrors errors, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && Enum.TryParse<RemedyKind>(value.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(value, out _))
        {
            return kind;
        }

        errors.Add("kind", work.Text[string.IsNullOrWhiteSpace(value) ? "ChoiceRequired" : "ChoiceUnknown", string.Join(", ", Enum.GetNames<RemedyKind>())]);
        return null;
    }

    private Currency? ParseCurrency(ValidationErrors errors, string? code)
    {
        if (Currency.TryFind(code?.Trim().ToUpperInvariant(), out var currency))
        {
            return currency;
        }

        errors.Add("currency", work.Text["RemedyCurrencyUnknown"]);
        return null;
    }

    private Money? ParseAmount(ValidationErrors errors, ProposeRemedyRequest request, Currency currency)
    {
        if (request.Currency is { } code && !string.Equals(code.Trim(), currency.Code, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("currency", work.Text["RemedyCurrencyMismatch", currency.Code]);
            return null;
        }

        if (request.Amount is not { } value || value <= 0 || !Money.TryFromDecimal(value, currency, out var money))
        {
            errors.Add("amount", work.Text["RemedyAmountInvalid"]);
            return null;
        }

        return money;
    }
}

internal static class RemedyEndpoints
{
    public static void MapRemedies(this RouteGroupBuilder group)
    {
        group.MapGet("/{number}/remedies", async (string number, HttpContext http, RemediesHandler h, CancellationToken ct) =>
            Answer(await h.ListAsync(CaseLifecycleEndpoints.ActorOf(http), number, ct)))
            .RequireAuthorization().WithName("ListRemedies").WithSummary("The complaint's remedies, for its customer and for staff");

        var staff = group.MapGroup("/{number}/remedies").RequireAuthorization(RedressPolicies.CaseWorker);
        staff.MapPost("/", async (string number, ProposeRemedyRequest request, HttpContext http, RemediesHandler h, CancellationToken ct) =>
            Answer(await h.ProposeAsync(CaseLifecycleEndpoints.ActorOf(http), number, request, ct))).WithName("ProposeRemedy").WithSummary("Propose a remedy; above the threshold it waits for a supervisor");
        staff.MapPost("/{remedyId:guid}/approve", async (string number, Guid remedyId, HttpContext http, RemediesHandler h, CancellationToken ct) =>
            Answer(await h.ApproveAsync(CaseLifecycleEndpoints.ActorOf(http), number, remedyId, ct))).WithName("ApproveRemedy").WithSummary("A supervisor other than the proposer approves");
        staff.MapPost("/{remedyId:guid}/execute", async (string number, Guid remedyId, HttpContext http, RemedyExecutor h, CancellationToken ct) =>
            Answer(await h.ExecuteAsync(CaseLifecycleEndpoints.ActorOf(http), number, remedyId, ct))).WithName("ExecuteRemedy").WithSummary("Pay an approved remedy through the ledger, exactly once");
    }

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Result<T> result) => result.ToHttp();
}
