using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Redress.Access;
using Redress.SharedKernel.Security;

namespace Redress.Cli;

/// <summary>Creates a user with one role, for example the first administrator of a production installation.</summary>
internal static class CreateUserCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var email = new Option<string>("--email") { Description = "E-mail address, also the sign-in name.", Required = true };
        var name = new Option<string>("--name") { Description = "Name shown to colleagues and customers.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", RedressRoles.All)}.", Required = true };
        var phone = new Option<string?>("--phone") { Description = "Phone number; stored in E.164." };
        var jurisdiction = new Option<string>("--jurisdiction") { Description = "CN, GB, EU or US.", DefaultValueFactory = _ => "CN" };
        var culture = new Option<string>("--culture") { Description = "zh-CN or en.", DefaultValueFactory = _ => "zh-CN" };
        role.AcceptOnlyFromAmong([.. RedressRoles.All]);
        jurisdiction.AcceptOnlyFromAmong("CN", "GB", "EU", "US");
        culture.AcceptOnlyFromAmong("zh-CN", "en");

        var command = new Command("create-user", "Create a user. The password is read from REDRESS_NEW_PASSWORD, or generated and printed once.")
        {
            email, name, role, phone, jurisdiction, culture,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var region = parse.GetValue(jurisdiction) switch { "GB" => "GB", "US" => "US", "EU" => "FR", _ => "CN" };
            string? e164 = null;
            if (parse.GetValue(phone) is { } rawPhone && !Phones.TryNormalise(rawPhone, region, out e164))
            {
                await Console.Error.WriteLineAsync($"--phone: '{rawPhone}' is not a valid phone number.");
                return 2;
            }

            using var host = buildHost();
            await using var scope = host.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<RedressUser>>();
            var password = Environment.GetEnvironmentVariable("REDRESS_NEW_PASSWORD");
            var generated = string.IsNullOrEmpty(password);
            if (generated)
            {
                password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
            }

            var user = new RedressUser
            {
                Id = Guid.CreateVersion7(),
                UserName = parse.GetValue(email),
                Email = parse.GetValue(email),
                PhoneNumber = e164,
                DisplayName = parse.GetValue(name)!,
                Jurisdiction = parse.GetValue(jurisdiction)!,
                PreferredCulture = parse.GetValue(culture)!,
            };
            var created = await users.CreateAsync(user, password!);
            if (created.Succeeded)
            {
                created = await users.AddToRoleAsync(user, parse.GetValue(role)!);
            }

            if (!created.Succeeded)
            {
                await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, created.Errors.Select(error => error.Description)));
                return 2;
            }

            await Console.Out.WriteLineAsync(generated ? $"Created {user.Email}. Password (shown once): {password}" : $"Created {user.Email}.");
            return 0;
        });
        return command;
    }
}
