using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Redress.SharedKernel.Hosting;
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
    ILogger<NotificationWorker> log) : PollingWorker(scopes, time, log)
{
    protected override string Name => "Notification delivery";

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override bool ShouldRun()
    {
        if (services.IsService(typeof(IOutboxSource)))
        {
            return true;
        }

        LogNoSource(Logger);
        return false;
    }

    protected override async Task<bool> RunPassAsync(IServiceProvider scoped, CancellationToken cancellationToken)
    {
        var claimed = await scoped.GetRequiredService<DeliveryRunner>().RunOnceAsync(cancellationToken);

        // A full batch suggests more is waiting: go again at once.
        return claimed >= options.Value.BatchSize;
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "No outbox source is registered; notification delivery is idle")]
    private static partial void LogNoSource(ILogger logger);
}
