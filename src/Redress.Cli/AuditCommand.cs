using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Redress.Complaints.Features;

namespace Redress.Cli;

internal static class AuditCommand
{
    /// <summary>Exit code when a chain is broken; distinct from 1 (unexpected failure) so scripts can tell them apart.</summary>
    public const int BrokenExitCode = 3;

    public static Command Create(Func<IHost> buildHost)
    {
        var batch = new Option<int>("--batch-size") { Description = "Complaints read per batch.", DefaultValueFactory = _ => TimelineVerifier.DefaultBatchSize };
        var verify = new Command("verify", "Recompute every complaint's timeline hash chain; name the first broken link of each broken chain. Exits 3 when any is broken.");
        verify.Options.Add(batch);
        verify.SetAction(async (parse, cancellationToken) =>
        {
            var size = parse.GetValue(batch);
            if (size < 1)
            {
                await Console.Error.WriteLineAsync("--batch-size must be at least 1.");
                return 2;
            }

            using var host = buildHost();
            await using var scope = host.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<TimelineVerifier>().VerifyAsync(size, cancellationToken);
            foreach (var link in result.Broken)
            {
                await Console.Out.WriteLineAsync($"BROKEN complaint {link.ComplaintNumber} at entry {link.Sequence}: {link.Reason}");
            }

            await Console.Out.WriteLineAsync(
                $"Checked {result.ComplaintsChecked} complaints and {result.EventsChecked} timeline entries: "
                + (result.Intact ? "every chain is intact." : $"{result.Broken.Count} broken."));
            return result.Intact ? 0 : BrokenExitCode;
        });

        var audit = new Command("audit", "Audit trail checks.");
        audit.Subcommands.Add(verify);
        return audit;
    }
}
