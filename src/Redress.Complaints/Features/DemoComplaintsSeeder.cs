using Microsoft.EntityFrameworkCore;
using Redress.Complaints.Data;
using Redress.SharedKernel.Demo;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Features;

/// <summary>Gives each demo customer a complaint or two in their own language, filed through the real handler.</summary>
internal sealed class DemoComplaintsSeeder(FileComplaintHandler fileComplaint, ComplaintsDbContext db, TimeProvider time) : IDemoSeeder
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
            foreach (var request in ExamplesFor(customer, now))
            {
                var result = await fileComplaint.HandleAsync(actor, request, ComplaintChannel.Web, cancellationToken);
                if (!result.IsSuccess)
                {
                    throw new InvalidOperationException($"Demo complaint for {customer.Email} was refused: {result.Error.Code}");
                }
            }
        }
    }

    private static IEnumerable<FileComplaintRequest> ExamplesFor(DemoCustomer customer, DateTimeOffset now)
    {
        if (customer.Culture.StartsWith("zh", StringComparison.Ordinal))
        {
            yield return new FileComplaintRequest(
                nameof(ComplaintCategory.TransactionFailure),
                "我给朋友转账 500 元，页面显示转账失败，但钱包余额已经扣除，对方也没有收到。",
                now.AddDays(-3),
                "TX" + customer.UserId.ToString("N")[..10].ToUpperInvariant(),
                500m,
                "CNY",
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
