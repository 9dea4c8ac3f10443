using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Redress.SharedKernel.Demo;
using Redress.SharedKernel.Security;

namespace Redress.Access.Features;

/// <summary>Demo customers in Chinese and English with CN and international phones, and one member of staff per role.</summary>
internal sealed class DemoUsersSeeder(UserManager<RedressUser> users, IOptions<DemoSettings> demo) : IDemoSeeder
{
    internal static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("wang.xiaoming@example.com", "王小明", "+8613800138000", "CN", "zh-CN", RedressRoles.Customer),
        new("li.na@example.com", "李娜", "+8613912345678", "CN", "zh-CN", RedressRoles.Customer),
        new("chen.meiling@example.com", "陈美玲", "+8618612345678", "CN", "zh-CN", RedressRoles.Customer),
        new("emily.clarke@example.com", "Emily Clarke", "+447911123456", "GB", "en", RedressRoles.Customer),
        new("james.miller@example.com", "James Miller", "+14155552671", "US", "en", RedressRoles.Customer),
        new("sophie.martin@example.com", "Sophie Martin", "+33612345678", "EU", "en", RedressRoles.Customer),
        new("agent@example.com", "张伟 (Agent)", "+8613700001111", "CN", "zh-CN", RedressRoles.Agent),
        new("supervisor@example.com", "Sarah Thompson (Supervisor)", "+447700123456", "GB", "en", RedressRoles.Supervisor),
        new("compliance@example.com", "刘洋 (Compliance)", "+8613700002222", "CN", "zh-CN", RedressRoles.ComplianceOfficer),
        new("admin@example.com", "Alex Morgan (Administrator)", "+447400123456", "GB", "en", RedressRoles.Administrator),
    ];

    public int Order => 0;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        foreach (var account in Accounts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var user = await users.FindByEmailAsync(account.Email);
            if (user is null)
            {
                user = new RedressUser
                {
                    Id = Guid.CreateVersion7(),
                    UserName = account.Email,
                    Email = account.Email,
                    EmailConfirmed = true,
                    PhoneNumber = account.Phone,
                    PhoneNumberConfirmed = true,
                    DisplayName = account.DisplayName,
                    Jurisdiction = account.Jurisdiction,
                    PreferredCulture = account.Culture,
                };
                EnsureSucceeded(await users.CreateAsync(user, demo.Value.Password), account.Email);
                EnsureSucceeded(await users.AddToRoleAsync(user, account.Role), account.Email);
            }

            if (account.Role == RedressRoles.Customer)
            {
                context.Customers.Add(new DemoCustomer(user.Id, account.Email, account.DisplayName, account.Jurisdiction, account.Culture));
            }
            else
            {
                context.Staff.Add(new DemoStaffMember(user.Id, account.Email, account.Role));
            }
        }
    }

    private static void EnsureSucceeded(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", result.Errors.Select(error => error.Description))}");
        }
    }
}

internal sealed record DemoAccount(string Email, string DisplayName, string Phone, string Jurisdiction, string Culture, string Role);
