using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Redress.Access;
using Redress.Cli;
using Redress.Complaints;
using Redress.SharedKernel.Hosting;

var root = new RootCommand("Redress operator commands. Configure with appsettings.json beside the tool or environment variables such as Database__Provider and Database__ConnectionString.");
root.Subcommands.Add(MigrateCommand.Create(BuildHost));
root.Subcommands.Add(SeedDemoCommand.Create(BuildHost));
root.Subcommands.Add(CreateUserCommand.Create(BuildHost));
root.Subcommands.Add(AuditCommand.Create(BuildHost));
return await root.Parse(args).InvokeAsync();

static IHost BuildHost()
{
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
    builder.Services.AddRedressPlatform(builder.Configuration);
    builder.Services.AddAccessData(builder.Configuration);
    // Identity's user manager (used by seed-demo and create-user) needs data protection for its token providers and,
    // when the host validates its services (Development), the authentication scheme provider behind SignInManager.
    builder.Services.AddDataProtection();
    builder.Services.AddAuthentication();
    builder.Services.AddComplaints();
    return builder.Build();
}
