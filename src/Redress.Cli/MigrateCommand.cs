using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Redress.SharedKernel.Hosting;
using Redress.SharedKernel.Persistence;

namespace Redress.Cli;

internal static class MigrateCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var command = new Command("migrate", "Apply every module's database migrations to the configured database: refused when the database is ahead of this version; on SQLite a backup is taken first and foreign keys are checked after.");
        command.SetAction(async (_, cancellationToken) =>
        {
            using var host = buildHost();
            var settings = host.Services.GetRequiredService<IOptions<DatabaseSettings>>().Value;
            MigrationReport report;
            try
            {
                report = await PlatformTasks.MigrateAllAsync(host.Services, cancellationToken);
            }
            catch (MigrationRefusedException refused)
            {
                await Console.Error.WriteLineAsync(refused.Message);
                return 3;
            }

            await Console.Out.WriteLineAsync(report.Describe());
            await Console.Out.WriteLineAsync($"Migrated {string.Join(", ", host.Services.GetServices<IModuleDatabase>().Select(d => d.Module))} on {settings.Provider}.");
            return 0;
        });
        return command;
    }
}
