using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Redress.Access;
using Redress.Calendars;
using Redress.Cli;
using Redress.Complaints;
using Redress.Notifications;
using Redress.SharedKernel.Hosting;
using Redress.Wallet;

var root = new RootCommand("Redress operator commands. Configure with appsettings.json beside the tool or environment variables such as Database__Provider and Database__ConnectionString.");
root.Subcommands.Add(MigrateCommand.Create(BuildHost));
root.Subcommands.Add(SeedDemoCommand.Create(BuildHost));
root.Subcommands.Add(CreateUserCommand.Create(BuildHost));
root.Subcommands.Add(CalendarsCommand.Create(BuildHost));
root.Subcommands.Add(AuditCommand.Create(BuildHost));
return await root.Parse(args).InvokeAsync();

static IHost BuildHost()
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
    builder.Services.AddRedressPlatform(builder.Configuration);
    builder.Services.AddAccessData(builder.Configuration);
    builder.Services.AddComplaints();
    builder.Services.AddCalendars();
    builder.Services.AddNotifications(builder.Configuration);
    builder.Services.AddWallet();
    return builder.Build();
}
