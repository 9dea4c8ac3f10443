using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Redress.SharedKernel.Hosting;

/// <summary>
/// The one loop every background worker runs: each pass in its own scope; the next pass at once while a pass says
/// more is waiting, after the poll interval otherwise; after a failed pass, a pause that doubles with each further
/// failure up to <see cref="MaxBackoff"/>, so an unreachable database is not hammered and the log is not flooded.
/// A failure never stops the worker: whatever the pass did not finish stays due in the database.
/// </summary>
public abstract partial class PollingWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The longest pause after repeated failures.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    /// <summary>The clock the loop waits on; passes read the time from it too.</summary>
    protected TimeProvider Time => time;

    /// <summary>The worker's log, for what its passes report.</summary>
    protected ILogger Logger => logger;

    /// <summary>The worker's name in the log.</summary>
    protected abstract string Name { get; }

    /// <summary>The pause between passes that found no more work; read before each pause, so options may change.</summary>
    protected abstract TimeSpan PollInterval { get; }

    /// <summary>Whether the first pass waits one interval (work written by a live request needs a head start).</summary>
    protected virtual bool WaitBeforeFirstPass => false;

    /// <summary>Whether this worker has anything to do in this host at all; checked once at start.</summary>
    protected virtual bool ShouldRun() => true;

    /// <summary>Runs one pass; answers true when more work is waiting and the next pass should start at once.</summary>
    protected abstract Task<bool> RunPassAsync(IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>How long to wait after <paramref name="failures"/> failed passes in a row (0: none failed).</summary>
    public static TimeSpan PauseAfter(int failures, TimeSpan pollInterval)
    {
        if (failures <= 0)
        {
            return pollInterval;
        }

        var pause = pollInterval * Math.Pow(2, Math.Min(failures - 1, 16));
        return pause > MaxBackoff ? (pollInterval > MaxBackoff ? pollInterval : MaxBackoff) : pause;
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!ShouldRun())
        {
            return;
        }

        var failures = 0;
        var moreWaiting = false;
        if (WaitBeforeFirstPass && !await PauseAsync(PollInterval, stoppingToken))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                moreWaiting = await RunPassAsync(scope.ServiceProvider, stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed pass (database unreachable, say) must not stop the worker; see the class comment.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failures++;
                moreWaiting = false;
                LogPassFailed(logger, Name, failures, exception.GetType().Name, PauseAfter(failures, PollInterval), exception);
            }

            if (!moreWaiting && !await PauseAsync(PauseAfter(failures, PollInterval), stoppingToken))
            {
                return;
            }
        }
    }

    private async Task<bool> PauseAsync(TimeSpan pause, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(pause, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Error, Message = "{Worker}: pass failed ({Failures} in a row, {ErrorType}); next pass in {Pause}")]
    private static partial void LogPassFailed(ILogger logger, string worker, int failures, string errorType, TimeSpan pause, Exception exception);
}
