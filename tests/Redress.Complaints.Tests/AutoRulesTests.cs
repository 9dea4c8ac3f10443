using Redress.Complaints.Features;
using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;

namespace Redress.Complaints.Tests;

/// <summary>Which rule, if any, an investigation report triggers; the rules are a pure function of the report.</summary>
public sealed class AutoRulesTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly AutoRuleSwitches s_allOn = new() { FailedButDebited = true, DuplicateCharge = true, OverdueMerchantRefund = true, MaxAmountMinorUnits = 50_000 };

    [Fact]
    public void A_failed_debited_transfer_is_refunded_less_what_was_refunded_already()
    {
        var transfer = Finding("TXA", "Transfer", "Failed", 12_000, s_now.AddHours(-3));

        var verdict = AutoRules.Decide(Report(transfer, refunded: 2_000), s_allOn, s_now);

        Assert.Equal(AutoRules.FailedButDebited, verdict.Plan?.Rule);
        Assert.Equal(RemedyKind.Refund, verdict.Plan!.Kind);
        Assert.Equal(10_000, verdict.Plan.Amount.MinorUnits);
        Assert.Equal("TXA", verdict.Plan.TransactionReference);
    }

    [Fact]
    public void A_failed_debit_already_refunded_in_full_or_a_failure_that_took_nothing_triggers_nothing()
    {
        Assert.Null(AutoRules.Decide(Report(Finding("TXA", "Transfer", "Failed", 12_000, s_now), refunded: 12_000), s_allOn, s_now).Plan);
        Assert.Null(AutoRules.Decide(Report(Finding("TXB", "Transfer", "Failed", 12_000, s_now, posted: false)), s_allOn, s_now).Plan);
    }

    [Fact]
    public void Of_a_double_charge_only_the_later_payment_is_refunded_whichever_one_the_customer_names()
    {
        var earlier = Finding("TXZ", "Payment", "Completed", 3_000, s_now.AddMinutes(-5));
        var later = Finding("TXA", "Payment", "Completed", 3_000, s_now.AddMinutes(-4));

        var namedEarlier = AutoRules.Decide(Report(earlier, duplicates: [later]), s_allOn, s_now);
        var namedLater = AutoRules.Decide(Report(later, duplicates: [earlier]), s_allOn, s_now);

        Assert.Equal("TXA", namedEarlier.Plan?.TransactionReference);
        Assert.Equal("TXA", namedLater.Plan?.TransactionReference);
        Assert.Equal(AutoRules.DuplicateCharge, namedLater.Plan!.Rule);
    }

    [Fact]
    public void Three_identical_charges_are_left_to_people()
    {
        var one = Finding("TX1", "Payment", "Completed", 3_000, s_now.AddMinutes(-5));
        var verdict = AutoRules.Decide(
            Report(one, duplicates: [Finding("TX2", "Payment", "Completed", 3_000, s_now.AddMinutes(-4)), Finding("TX3", "Payment", "Completed", 3_000, s_now.AddMinutes(-3))]),
            s_allOn,
            s_now);

        Assert.Null(verdict.Plan);
        Assert.Equal("no_rule_applies", verdict.Reason);
    }

    [Fact]
    public void A_pending_refund_is_settled_only_once_its_promised_date_has_passed()
    {
        var payment = Finding("TXP", "Payment", "Completed", 8_900, s_now.AddDays(-20));
        var overdue = Finding("TXR", "Refund", "Pending", 8_900, s_now.AddDays(-10), posted: false, promisedBy: s_now.AddDays(-1), original: "TXP");
        var notYet = overdue with { PromisedBy = s_now.AddDays(1) };

        var settled = AutoRules.Decide(Report(payment, refunds: [overdue]), s_allOn, s_now);

        Assert.Equal(AutoRules.OverdueMerchantRefund, settled.Plan?.Rule);
        Assert.Equal(RemedyKind.SettleRefund, settled.Plan!.Kind);
        Assert.Equal("TXR", settled.Plan.TransactionReference);
        Assert.Null(AutoRules.Decide(Report(payment, refunds: [notYet]), s_allOn, s_now).Plan);
    }

    [Fact]
    public void A_rule_that_is_switched_off_does_not_apply_and_one_above_the_cap_stops_there()
    {
        var transfer = Finding("TXA", "Transfer", "Failed", 60_000, s_now);

        var off = AutoRules.Decide(Report(transfer), new AutoRuleSwitches { DuplicateCharge = true }, s_now);
        var capped = AutoRules.Decide(Report(transfer), s_allOn, s_now);

        Assert.Null(off.Plan);
        Assert.Equal("no_rule_applies", off.Reason);
        Assert.Null(capped.Plan);
        Assert.Equal("above_cap", capped.Reason);
        Assert.Equal(AutoRules.FailedButDebited, capped.Rule);
    }

    [Fact]
    public void A_report_that_could_not_read_the_whole_history_pays_nothing()
    {
        var transfer = Finding("TXA", "Transfer", "Failed", 12_000, s_now.AddHours(-3));

        var verdict = AutoRules.Decide(Report(transfer) with { HistoryComplete = false }, s_allOn, s_now);

        Assert.Null(verdict.Plan);
        Assert.Equal("history_incomplete", verdict.Reason);
    }

    private static TransactionFinding Finding(
        string reference, string type, string status, long amount, DateTimeOffset at, bool posted = true, DateTimeOffset? promisedBy = null, string? original = null) =>
        new(
            reference,
            Enum.Parse<LedgerTransactionType>(type),
            Enum.Parse<LedgerTransactionStatus>(status),
            type == "Refund" ? LedgerDirection.Credit : LedgerDirection.Debit,
            new Money(amount, Currency.Cny),
            "商户",
            at,
            posted,
            null,
            original,
            promisedBy);

    private static InvestigationReport Report(
        TransactionFinding match, long refunded = 0, IReadOnlyList<TransactionFinding>? duplicates = null, IReadOnlyList<TransactionFinding>? refunds = null) =>
        new(match.Reference, match.Amount, match.CreatedAt, match, true, true, new Money(refunded, Currency.Cny), [], refunds ?? [], [], duplicates ?? [], []);
}
