using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Redress.Calendars;
using Redress.Calendars.Features;
using Redress.SharedKernel.Hosting;

namespace Redress.Cli;

/// <summary><c>redress calendars load CN-2027.csv</c>: puts a published calendar year in force.</summary>
internal static class CalendarsCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV with the header date,kind,name, named like CN-2027.csv (jurisdiction-year)." };
        var load = new Command("load", "Load one jurisdiction's calendar for one year, replacing what is in force. A malformed file changes nothing.") { file };
        load.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"{path.FullName}: no such file.");
                return 2;
            }

            if (!CalendarFile.TryParseName(path.Name, out var jurisdiction, out var year))
            {
                await Console.Error.WriteLineAsync($"{path.Name}: name the file JURISDICTION-YEAR.csv, for example CN-2027.csv.");
                return 2;
            }

            using var host = buildHost();
            await PlatformTasks.MigrateAllAsync(host.Services, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            using var reader = path.OpenText();
            var result = await scope.ServiceProvider.GetRequiredService<LoadCalendarYearHandler>()
                .HandleAsync(jurisdiction, year, reader, path.Name, null, cancellationToken);
            if (!result.IsSuccess)
            {
                await Console.Error.WriteLineAsync($"{path.Name} was refused; nothing changed.");
                foreach (var (where, messages) in result.Error.Fields ?? new Dictionary<string, string[]>())
                {
                    await Console.Error.WriteLineAsync($"  {where}: {string.Join(" ", messages)}");
                }

                return 1;
            }

            var loaded = result.Value;
            await Console.Out.WriteLineAsync($"{loaded.Jurisdiction} {loaded.Year} in force: {loaded.Holidays} holidays, {loaded.WorkedWeekendDays} worked weekend days.");
            return 0;
        });

        return new Command("calendars", "Business-day calendars per jurisdiction.") { load };
    }
}
