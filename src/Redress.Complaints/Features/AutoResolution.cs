using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Resources;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Redress.SharedKernel;
using Redress.SharedKernel.Hosting;
using Redress.SharedKernel.Ledger;

namespace Redress.Complaints.Features;

/// <summary>The <c>Complaints:AutoResolution</c> configuration section. Empty (every rule off) unless an operator switches rules on.</summary>
public sealed class AutoResolutionOptions : IValidatableObject
{
    public const string SectionName = "Complaints:AutoResolution";

    /// <summary>Rule switches and the payout cap per jurisdiction (CN, GB, EU, US); a jurisdiction not listed has every rule off.</summary>
    public Dictionary<string, AutoRuleSwitches> Jurisdictions { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How often the worker looks for complaints marked for an automatic check.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Most complaints one pass checks.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 50;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (jurisdiction, rules) in Jurisdictions)
        {
            if (rules.MaxAmountMinorUnits < 0)
            {
                yield return new ValidationResult("The payout cap cannot be negative.", [$"Jurisdictions:{jurisdiction}:MaxAmountMinorUnits"]);
            }
        }
    }

    /// <summary>The switches for a jurisdiction with at least one rule on; null when none is.</summary>
    internal AutoRuleSwitches? For(string jurisdiction) =>
        Jurisdictions.TryGetValue(jurisdiction, out var rules) && rules.AnyOn ? rules : null;
}

/// <summary>One jurisdiction's automatic rules. Each is off unless set.</summary>
public sealed class AutoRuleSwitches
{
    /// <summary>A payment, bill payment, transfer or withdrawal that failed after the money left the wallet is refunded.</summary>
    public bool FailedButDebited { get; set; }

    /// <summary>The later of two identical debits to one counterparty within minutes is refunded.</summary>
    public bool DuplicateCharge { get; set; }

    /// <summary>A merchant refund still pending after its promised date is paid now.</summary>
    public bool OverdueMerchantRefund { get; set; }

    /// <summary>No rule pays more than this, in minor units of the transaction's currency; larger cases go to people.</summary>
    public long MaxAmountMinorUnits { get; set; } = 10_000;

    internal bool AnyOn => FailedButDebited || DuplicateCharge || OverdueMerchantRefund;
}

/// <summary>What the ledger showed when a rule decided: the customer's explanation is written from this, in their language.</summary>
internal sealed record AutoExplanation(
    string Rule,
    string Transaction,
    string Type,
    string Status,
    long AmountMinorUnits,
    string Currency,
    DateTimeOffset CreatedAt,
    string? Counterparty,
    long RefundedMinorUnits,
    long RemedyMinorUnits,
    string? RelatedTransaction,
    DateTimeOffset? PromisedBy)
{
    public string? LedgerReference { get; init; }

    public AutoResolutionApplied ToPayload() => new(
        Rule, Transaction, Type, Status, AmountMinorUnits, Currency, CreatedAt, Counterparty, RefundedMinorUnits, RemedyMinorUnits, RelatedTransaction, PromisedBy, LedgerReference);
}

/// <summary>A rule that applies: which remedy it gives, on which transaction, and why.</summary>
internal sealed record AutoPlan(string Rule, RemedyKind Kind, string TransactionReference, Money Amount, AutoExplanation Explanation);

/// <summary>What the rules made of an investigation: a plan, or why nothing is done automatically.</summary>
internal sealed record AutoVerdict(AutoPlan? Plan, string? Rule, string Reason);

/// <summary>
/// The three rules, as a pure function of the investigation report. At most one applies, in this order: failed but
/// debited, overdue merchant refund, duplicate charge. A rule whose facts hold but whose amount is above the cap
/// stops there: the case goes to people rather than to a weaker rule.
/// </summary>
internal static class AutoRules
{
    public const string FailedButDebited = "FailedButDebited";
    public const string DuplicateCharge = "DuplicateCharge";
    public const string OverdueMerchantRefund = "OverdueMerchantRefund";

    private static readonly LedgerTransactionType[] s_refundable =
        [LedgerTransactionType.Payment, LedgerTransactionType.BillPayment, LedgerTransactionType.Transfer, LedgerTransactionType.Withdrawal];

    public static AutoVerdict Decide(InvestigationReport report, AutoRuleSwitches rules, DateTimeOffset now)
    {
        // Refunds or twins on pages the investigation could not read would make any amount a guess.
        if (!report.HistoryComplete)
        {
            return new AutoVerdict(null, null, "history_incomplete");
        }

        var candidates = new List<AutoPlan?>();
        if (rules.FailedButDebited)
        {
            candidates.Add(FailedDebit(report));
        }

        if (rules.OverdueMerchantRefund)
        {
            candidates.Add(OverdueRefund(report, now));
        }

        if (rules.DuplicateCharge)
        {
            candidates.Add(Duplicate(report));
        }

        if (candidates.FirstOrDefault(p => p is not null) is not { } plan)
        {
            return new AutoVerdict(null, null, "no_rule_applies");
        }

        return plan.Amount.MinorUnits > rules.MaxAmountMinorUnits
            ? new AutoVerdict(null, plan.Rule, "above_cap")
            : new AutoVerdict(plan, plan.Rule, "applied");
    }

    private static AutoPlan? FailedDebit(InvestigationReport report)
    {
        if (report.Match is not { Status: LedgerTransactionStatus.Failed, Posted: true, Direction: LedgerDirection.Debit } match || !s_refundable.Contains(match.Type))
        {
            return null;
        }

        var refunded = report.RefundedSoFar?.MinorUnits ?? 0;
        var left = match.Amount.MinorUnits - refunded;
        return left <= 0
            ? null
            : new AutoPlan(FailedButDebited, RemedyKind.Refund, match.Reference, new Money(left, match.Amount.Currency), Explain(FailedButDebited, match, refunded, left, null, null));
    }

    private static AutoPlan? OverdueRefund(InvestigationReport report, DateTimeOffset now)
    {
        static bool Overdue(TransactionFinding t, DateTimeOffset now) =>
            t is { Type: LedgerTransactionType.Refund, Status: LedgerTransactionStatus.Pending, Posted: false, PromisedBy: { } promised } && promised < now;

        var match = report.Match;
        var refund = match is not null && Overdue(match, now)
            ? match
            : report.Refunds.Where(r => Overdue(r, now)).OrderBy(r => r.PromisedBy).FirstOrDefault();
        return refund is null
            ? null
            : new AutoPlan(
                OverdueMerchantRefund, RemedyKind.SettleRefund, refund.Reference, refund.Amount,
                Explain(OverdueMerchantRefund, refund, 0, refund.Amount.MinorUnits, refund.OriginalReference, refund.PromisedBy));
    }

    /// <summary>Exactly one twin, both completed debits; the later one is refunded, never both, and not if either was refunded already.</summary>
    private static AutoPlan? Duplicate(InvestigationReport report)
    {
        if (report.Match is not { Status: LedgerTransactionStatus.Completed, Posted: true, Direction: LedgerDirection.Debit } match
            || report.LikelyDuplicates is not [{ Status: LedgerTransactionStatus.Completed, Posted: true } twin])
        {
            return null;
        }

        var pair = new[] { match, twin };
        var refundedAlready = report.Refunds.Count > 0
            || report.Nearby.Any(t => t.Type == LedgerTransactionType.Refund && t.Status != LedgerTransactionStatus.Failed && pair.Any(p => p.Reference == t.OriginalReference));
        if (refundedAlready)
        {
            return null;
        }

        var later = pair.OrderBy(t => t.CreatedAt).ThenBy(t => t.Reference, StringComparer.Ordinal).Last();
        var earlier = later == match ? twin : match;
        return new AutoPlan(
            DuplicateCharge, RemedyKind.Refund, later.Reference, later.Amount,
            Explain(DuplicateCharge, later, 0, later.Amount.MinorUnits, earlier.Reference, null));
    }

    private static AutoExplanation Explain(string rule, TransactionFinding t, long refunded, long remedy, string? related, DateTimeOffset? promisedBy) => new(
        rule, t.Reference, t.Type.ToString(), t.Status.ToString(), t.Amount.MinorUnits, t.Amount.Currency.Code, t.CreatedAt, t.Counterparty, refunded, remedy, related, promisedBy);
}

/// <summary>The customer's explanation of an automatic decision, from AutoResolutionTexts.resx in the complaint's language.</summary>
internal static class AutoTexts
{
    private static readonly ResourceManager s_texts = new("Redress.Complaints.Resources.AutoResolutionTexts", typeof(AutoTexts).Assembly);

    public static CultureInfo CultureOf(string culture) =>
        CultureInfo.GetCultureInfo(culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en");

    /// <summary>The short reason the ledger records with the payment.</summary>
    public static string RemedyReason(string rule, string culture) => Text($"RemedyReason_{rule}", CultureOf(culture));

    /// <summary>The reasons of the automatic resolution: which rule, what the ledger showed, what was paid.</summary>
    public static string Reasons(AutoExplanation e, string culture, TimeZoneInfo zone)
    {
        var c = CultureOf(culture);
        string Amount(long minor) => new Money(minor, Currency.From(e.Currency)).ToString(c);
        string When(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("g", c);
        var type = Text($"TransactionType_{e.Type}", c);
        var body = e.Rule switch
        {
            AutoRules.FailedButDebited => string.Format(
                c, Text("Reasons_FailedButDebited", c), type, e.Transaction, When(e.CreatedAt), Amount(e.AmountMinorUnits), Amount(e.RefundedMinorUnits), Amount(e.RemedyMinorUnits)),
            AutoRules.DuplicateCharge => string.Format(
                c, Text("Reasons_DuplicateCharge", c), e.Transaction, Amount(e.AmountMinorUnits), e.Counterparty ?? "-", When(e.CreatedAt), e.RelatedTransaction, Amount(e.RemedyMinorUnits)),
            _ => string.Format(
                c, Text("Reasons_OverdueMerchantRefund", c), e.Transaction, Amount(e.AmountMinorUnits), e.RelatedTransaction, e.PromisedBy is { } p ? When(p) : "-", Amount(e.RemedyMinorUnits)),
        };
        return body + "\n\n" + string.Format(c, Text("Reasons_Footer", c), e.LedgerReference);
    }

    private static string Text(string key, CultureInfo culture) =>
        s_texts.GetString(key, culture) ?? throw new InvalidOperationException($"AutoResolutionTexts has no '{key}'.");
}

/// <summary>
/// Runs the automatic check of one complaint, as a small state machine driven by what is stored, so that any pass on
/// any instance can take over after a crash: no rule remedy yet → investigate and, when a rule applies, store its
/// remedy already requested (one transaction, guarded by the complaint's version); remedy executing → finish it
/// through <see cref="RemedyExecutor"/> (the ledger key makes a repeat replay the first posting); remedy executed →
/// resolve and issue the letter; remedy failed or nothing applies → an internal entry, and people take over.
/// </summary>
public sealed partial class AutoResolver(
    CaseWork work,
    InvestigationHandler investigation,
    RemedyExecutor executor,
    FinalResponseHandler letters,
    IOptions<AutoResolutionOptions> options,
    IOptions<Deadlines.DeadlineSettings> deadlines,
    ILogger<AutoResolver> logger)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>Checks the complaints that are due, oldest mark first; returns how many it looked at.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = work.Now;
        var due = await work.Db.Complaints.AsNoTracking()
            .Where(c => c.AutoCheckDueAt != null && c.AutoCheckDueAt <= now)
            .OrderBy(c => c.AutoCheckDueAt)
            .Take(options.Value.BatchSize)
            .Select(c => c.Number)
            .ToListAsync(cancellationToken);
        foreach (var number in due)
        {
            work.Db.ChangeTracker.Clear();
            var display = ComplaintProjections.DisplayNumber(number);
            try
            {
                await RunAsync(display, cancellationToken);
            }
#pragma warning disable CA1031 // One complaint that fails (a lost connection, a bug) must not hold up the others; its mark stays, so a later pass retries it.
            catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogCheckFailed(logger, display, exception);
            }
        }

        return due.Count;
    }

    internal async Task RunAsync(string number, CancellationToken cancellationToken)
    {
        var platform = PlatformActor.Instance;
        var found = await work.FindAsync(platform, number, track: false, cancellationToken);
        if (!found.IsSuccess || found.Value.AutoCheckDueAt is null)
        {
            return;
        }

        var complaint = found.Value;
        var remedy = await RuleRemedyAsync(complaint.Id, cancellationToken);
        if (remedy is null)
        {
            remedy = await DecideAsync(complaint, number, cancellationToken);
            if (remedy is null)
            {
                return;
            }
        }

        if (remedy.Status == RemedyStatus.Executing)
        {
            await executor.CompleteAsync(remedy.Id, platform, resumed: false, cancellationToken);
            remedy = await RuleRemedyAsync(complaint.Id, cancellationToken);
        }

        switch (remedy?.Status)
        {
            case RemedyStatus.Executed:
                await ResolveAsync(number, remedy, cancellationToken);
                break;
            case RemedyStatus.Failed:
                await FinishAsync(number, new AutoResolutionChecked(false, remedy.Rule, "ledger_refused", null, null, remedy.FailureCode, null), paid: false, cancellationToken);
                break;
            default:
                // Still executing: another instance holds it, or the ledger call failed; the next pass picks it up.
                break;
        }
    }

    private Task<Remedy?> RuleRemedyAsync(long complaintId, CancellationToken cancellationToken) =>
        work.Db.Remedies.AsNoTracking().Where(r => r.ComplaintId == complaintId && r.Rule != null).OrderByDescending(r => r.ProposedAt).FirstOrDefaultAsync(cancellationToken);

    private async Task<Remedy?> DecideAsync(Complaint complaint, string number, CancellationToken cancellationToken)
    {
        if (options.Value.For(complaint.Jurisdiction) is not { } rules)
        {
            // Switched off since filing.
            await FinishAsync(number, new AutoResolutionChecked(false, null, "rules_off", null, null, null, null), paid: false, cancellationToken);
            return null;
        }

        var report = await investigation.InvestigateAsync(complaint, cancellationToken);
        var verdict = AutoRules.Decide(report, rules, work.Now);
        if (verdict.Plan is not { } plan)
        {
            LogNothingApplied(logger, number, verdict.Reason);
            await FinishAsync(number, new AutoResolutionChecked(false, verdict.Rule, verdict.Reason, report.Findings, rules.MaxAmountMinorUnits, null, null), paid: false, cancellationToken);
            return null;
        }

        var loaded = await work.LoadForChangeAsync(PlatformActor.Instance, number, cancellationToken);
        if (!loaded.IsSuccess || loaded.Value.AutoCheckDueAt is null)
        {
            work.Db.ChangeTracker.Clear();
            return null;
        }

        var tracked = loaded.Value;
        if (await RuleRemedyAsync(tracked.Id, cancellationToken) is not null)
        {
            // Another instance decided between our first look and this load; its remedy carries on.
            work.Db.ChangeTracker.Clear();
            return null;
        }

        if (tracked.RemedyRefusal(proposing: true) is not null || !CaseRules.Open.Contains(tracked.Stage))
        {
            work.Db.ChangeTracker.Clear();
            await FinishAsync(number, new AutoResolutionChecked(false, plan.Rule, "complaint_not_open", null, null, null, null), paid: false, cancellationToken);
            return null;
        }

        var remedy = Remedy.ProposeAutomatically(
            tracked, plan.Rule, JsonSerializer.Serialize(plan.Explanation, s_json), plan.Kind, plan.Amount, plan.TransactionReference,
            AutoTexts.RemedyReason(plan.Rule, tracked.Culture), PlatformActor.Instance, work.Now);
        work.Db.Remedies.Add(remedy);
        tracked.RecordRemedy(TimelineEventTypes.RemedyProposed, PlatformActor.Instance, remedy, work.Now);
        tracked.RecordRemedy(TimelineEventTypes.RemedyRequested, PlatformActor.Instance, remedy, work.Now);
        if (await work.SaveAsync(cancellationToken) is not null)
        {
            // Another instance stored its own decision first; it carries on with it.
            return null;
        }

        LogApplying(logger, number, plan.Rule, remedy.Id);
        return remedy;
    }

    private async Task ResolveAsync(string number, Remedy remedy, CancellationToken cancellationToken)
    {
        var explanation = JsonSerializer.Deserialize<AutoExplanation>(remedy.Explanation!, s_json)! with { LedgerReference = remedy.LedgerReference };
        var resolved = await letters.DecideAndIssueAsync(PlatformActor.Instance, number, (complaint, now) =>
        {
            if (complaint.AutoCheckDueAt is null)
            {
                return CaseErrors.Conflict("auto_check_done");
            }

            var zone = TimeZoneInfo.FindSystemTimeZoneById(deadlines.Value.Select(complaint.Jurisdiction, complaint.Channel)?.Policy.TimeZone ?? "UTC");
            var reasons = AutoTexts.Reasons(explanation, complaint.Culture, zone);
            return complaint.ResolveAutomatically(PlatformActor.Instance, remedy.Rule!, explanation.ToPayload(), reasons, remedy, now).Error;
        }, cancellationToken);
        if (resolved.IsSuccess)
        {
            LogResolved(logger, number, remedy.Rule!, remedy.LedgerReference);
        }
        else if (resolved.Error.Code == "action_not_allowed_at_stage")
        {
            // People moved the complaint on (withdrawn, escalated, decided) while the money went out: the payment stands, and
            // a supervisor reviews it from the queue.
            await FinishAsync(number, new AutoResolutionChecked(true, remedy.Rule, "complaint_moved_on", null, null, null, remedy.LedgerReference), paid: true, cancellationToken);
        }
    }

    private Task<Result<bool>> FinishAsync(string number, AutoResolutionChecked facts, bool paid, CancellationToken cancellationToken) =>
        work.RetryOnConflictAsync<bool>(async () =>
        {
            var loaded = await work.LoadForChangeAsync(PlatformActor.Instance, number, cancellationToken);
            if (!loaded.IsSuccess || loaded.Value.AutoCheckDueAt is null)
            {
                work.Db.ChangeTracker.Clear();
                return false;
            }

            loaded.Value.FinishAutoCheck(facts, work.Now, paid);
            if (await work.SaveAsync(cancellationToken) is { } refused)
            {
                return refused;
            }

            return true;
        });

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Complaint {ComplaintNumber}: automatic check found no rule to apply ({Reason})")]
    private static partial void LogNothingApplied(ILogger logger, string complaintNumber, string reason);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Complaint {ComplaintNumber}: rule {Rule} applies; remedy {RemedyId} requested")]
    private static partial void LogApplying(ILogger logger, string complaintNumber, string rule, Guid remedyId);

    [LoggerMessage(EventId = 1307, Level = LogLevel.Warning, Message = "Complaint {ComplaintNumber}: automatic check failed; retried next pass")]
    private static partial void LogCheckFailed(ILogger logger, string complaintNumber, Exception exception);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Complaint {ComplaintNumber}: resolved by rule {Rule}, ledger {LedgerReference}")]
    private static partial void LogResolved(ILogger logger, string complaintNumber, string rule, string? ledgerReference);
}

/// <summary>Runs <see cref="AutoResolver"/> on every instance; concurrent instances lose on the complaint's version and skip.</summary>
internal sealed class AutoResolutionWorker(IServiceScopeFactory scopes, TimeProvider time, IOptions<AutoResolutionOptions> options, ILogger<AutoResolutionWorker> logger)
    : PollingWorker(scopes, time, logger)
{
    protected override string Name => "Automatic resolution";

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override bool WaitBeforeFirstPass => true;

    protected override async Task<bool> RunPassAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<AutoResolver>().RunDueAsync(cancellationToken);
        return false;
    }
}
