using Microsoft.EntityFrameworkCore;
using Redress.Complaints.Data;
using Redress.SharedKernel.Demo;
using Redress.SharedKernel.Ledger;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Features;

/// <summary>
/// Gives each demo customer a complaint or two in their own language, filed through the real handler. A Chinese
/// customer's failed-transfer complaint names the transfer the wallet seeder left failed but debited three days ago,
/// found through <see cref="ILedger"/> like any other lookup, so the demo can be investigated and refunded end to end.
/// </summary>
internal sealed class DemoComplaintsSeeder(FileComplaintHandler fileComplaint, ComplaintsDbContext db, ILedger ledger, TimeProvider time) : IDemoSeeder
{
    public int Order => 100;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // The demo agent handles every category, so automatic assignment has someone to pick.
        foreach (var agent in context.Staff.Where(s => s.Role == RedressRoles.Agent))
        {
            if (!await db.AgentSkills.AnyAsync(s => s.AgentId == agent.UserId, cancellationToken))
            {
                db.AgentSkills.AddRange(Enum.GetValues<ComplaintCategory>().Select(c => AgentSkill.Create(agent.UserId, c)));
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        foreach (var customer in context.Customers)
        {
            if (await db.Complaints.AnyAsync(c => c.CustomerId == customer.UserId, cancellationToken))
            {
                continue;
            }

            var actor = new Actor(customer.UserId, new HashSet<string>(StringComparer.Ordinal) { RedressRoles.Customer }, customer.Jurisdiction, customer.Culture);
            var failedTransfer = await FailedTransferAsync(customer.UserId, now, cancellationToken);
            foreach (var request in ExamplesFor(customer, now, failedTransfer))
            {
                var result = await fileComplaint.HandleAsync(actor, request, ComplaintChannel.Web, cancellationToken);
                if (!result.IsSuccess)
                {
                    throw new InvalidOperationException($"Demo complaint for {customer.Email} was refused: {result.Error.Code}");
                }
            }
        }
    }

    /// <summary>The wallet seeder's failed-but-debited transfer, three days before now; null when the customer has no such transfer.</summary>
    private async Task<LedgerTransaction?> FailedTransferAsync(Guid customerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var account in await ledger.AccountsOfAsync(customerId, cancellationToken))
        {
            // The wallet seeder read the clock a moment earlier; an hour either side finds its transfer and nothing else like it.
            var history = await ledger.HistoryAsync(new HistoryQuery(account.AccountId, now.AddDays(-3).AddHours(-1), now.AddDays(-3).AddHours(1)), cancellationToken);
            if (history.IsSuccess && history.Value.Items.FirstOrDefault(IsFailedButDebited) is { } transfer)
            {
                return transfer;
            }
        }

        return null;
    }

    private static bool IsFailedButDebited(LedgerTransaction t) =>
        t is { Type: LedgerTransactionType.Transfer, Status: LedgerTransactionStatus.Failed, Direction: LedgerDirection.Debit, Posted: true };

    private static IEnumerable<FileComplaintRequest> ExamplesFor(DemoCustomer customer, DateTimeOffset now, LedgerTransaction? failedTransfer)
    {
        if (customer.Culture.StartsWith("zh", StringComparison.Ordinal))
        {
            yield return new FileComplaintRequest(
                nameof(ComplaintCategory.TransactionFailure),
                "我给朋友转账 500 元，页面显示转账失败，但钱包余额已经扣除，对方也没有收到。",
                failedTransfer?.CreatedAt ?? now.AddDays(-3),
                failedTransfer?.Reference,
                failedTransfer?.Amount.Amount ?? 500m,
                failedTransfer?.Amount.Currency.Code ?? "CNY",
                "请退回被扣除的 500 元。");
            yield return new FileComplaintRequest(
                nameof(ComplaintCategory.Fees),
                "本月提现被收取了两次手续费，每次 2 元，我只提现了一次。",
                now.AddDays(-10),
                null,
                2m,
                "CNY",
                "退还多收的手续费。");
        }
        else
        {
            var currency = customer.Jurisdiction switch { "GB" => "GBP", "US" => "USD", _ => "EUR" };
            yield return new FileComplaintRequest(
                nameof(ComplaintCategory.Refund),
                "The merchant confirmed a refund two weeks ago, but it has still not reached my wallet.",
                now.AddDays(-14),
                "TX" + customer.UserId.ToString("N")[..10].ToUpperInvariant(),
                42.99m,
                currency,
                "Credit the refund to my wallet.");
        }
    }
}
