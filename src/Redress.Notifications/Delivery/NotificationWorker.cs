using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Redress.SharedKernel.Outbox;

namespace Redress.Notifications.Delivery;

/// <summary>
/// Runs delivery rounds for as long as the host runs. It stays idle when no module provides an
/// <see cref="IOutboxSource"/>: then there is nothing to deliver from.
/// </summary>
internal sealed partial class NotificationWorker(
    IServiceScopeFactory scopes,
    IServiceProviderIsService services,
    IOptions<NotificationSettings> options,
    TimeProvider time,
    ILogger<NotificationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!services.IsService(typeof(IOutboxSource)))
        {
            LogNoSource(logger);
            return;
        }

        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                claimed = await scope.ServiceProvider.GetRequiredService<DeliveryRunner>().RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed round (database unreachable, say) must not stop delivery for good; claims time out and are retried.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogRoundFailed(logger, exception.GetType().Name, exception);
            }

            // A full batch suggests more is waiting: go again at once.
            if (claimed < settings.BatchSize)
            {
                try
                {
                    await Task.Delay(settings.PollInterval, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "No outbox source is registered; notification delivery is idle")]
    private static partial void LogNoSource(ILogger logger);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Error, Message = "A notification delivery round failed ({ErrorType}); trying again after the poll interval")]
    private static partial void LogRoundFailed(ILogger logger, string errorType, Exception exception);
}
