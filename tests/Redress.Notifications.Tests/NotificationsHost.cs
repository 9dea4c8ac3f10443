using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Redress.Notifications.Data;
using Redress.Notifications.Delivery;
using Redress.SharedKernel.Outbox;
using Redress.SharedKernel.People;
using Redress.SharedKernel.Persistence;

namespace Redress.Notifications.Tests;

/// <summary>One application instance as far as notifications go: the module, the test outbox, a directory and a sink.</summary>
internal sealed class NotificationsHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private NotificationsHost(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;

    public static async Task<NotificationsHost> StartAsync(
        DatabaseSettings database, TimeProvider time, FakeDirectory directory, RecordingSink sink, IDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddLogging();
        services.AddSingleton(Options.Create(database));
        services.AddNotifications(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddDbContext<TestOutboxDbContext>(options => options.UseRedressDatabase(database, "test"));
        services.AddScoped<IOutboxSource, TestOutboxSource>();
        services.AddSingleton<IUserDirectory>(directory);
        services.AddSingleton<IDeliveryStatusSink>(sink);
        var host = new NotificationsHost(services.BuildServiceProvider());
        foreach (var module in host._services.GetServices<IModuleDatabase>())
        {
            await module.MigrateAsync(cancellationToken);
        }

        return host;
    }

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliveryRunner>().RunOnceAsync(cancellationToken);
    }

    public async Task<T> WithAsync<T>(Func<NotificationsDbContext, TestOutboxDbContext, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>(), scope.ServiceProvider.GetRequiredService<TestOutboxDbContext>());
    }

    public Task<List<NotificationDelivery>> DeliveriesAsync(CancellationToken cancellationToken) =>
        WithAsync((db, _) => db.Deliveries.AsNoTracking().OrderBy(d => d.EventId).ThenBy(d => d.Channel).ToListAsync(cancellationToken));

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
