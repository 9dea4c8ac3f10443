using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Redress.SharedKernel.Hosting;

namespace Redress.Cli;

internal static class SeedDemoCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var command = new Command("seed-demo", "Create demo customers, one member of staff per role, and demo complaints. Refused under Production.");
        command.SetAction(async (_, cancellationToken) =>
        {
            using var host = buildHost();
            await PlatformTasks.MigrateAllAsync(host.Services, cancellationToken);
            var result = await PlatformTasks.SeedDemoAsync(host.Services, cancellationToken);
            if (!result.IsSuccess)
            {
                await Console.Error.WriteLineAsync(result.Error.Message + " Set DOTNET_ENVIRONMENT=Development to seed a demo database.");
                return 2;
            }

            await Console.Out.WriteLineAsync($"Demo data ready: {result.Value.Customers.Count} customers and one member of staff per role.");
            return 0;
        });
        return command;
    }
}
