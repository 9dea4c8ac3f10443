using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using Redress.SharedKernel.Outbox;
using Redress.SharedKernel.People;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Redress.Notifications.Tests;

public sealed class FakeDirectory : IUserDirectory
{
    public ConcurrentDictionary<Guid, ContactDetails> People { get; } = new();

    public ContactDetails Add(string culture = "zh-CN", string? phone = "+8613800138000", string name = "王小明")
    {
        var id = Guid.NewGuid();
        var contact = new ContactDetails(id, name, $"person-{id:N}@example.com", phone, culture);
        People[id] = contact;
        return contact;
    }

    public Task<IReadOnlyDictionary<Guid, UserSummary>> FindAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, UserSummary>>(userIds.Where(People.ContainsKey).ToDictionary(id => id, id => new UserSummary(id, People[id].DisplayName, "***", "CN")));

    public Task<IReadOnlyDictionary<Guid, ContactDetails>> FindContactsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Guid, ContactDetails>>(userIds.Where(People.ContainsKey).ToDictionary(id => id, id => People[id]));

    /// <summary>Members by role, for escalations; people are in no role unless a test puts them there.</summary>
    public ConcurrentDictionary<string, Guid[]> Roles { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<Guid>> InRoleAsync(string role, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Guid>>(Roles.TryGetValue(role, out var members) ? members : []);
}

public sealed class RecordingSink : IDeliveryStatusSink
{
    public ConcurrentQueue<DeliveryStatus> Statuses { get; } = new();

    public Task ReportAsync(IReadOnlyList<DeliveryStatus> statuses, CancellationToken cancellationToken)
    {
        foreach (var status in statuses)
        {
            Statuses.Enqueue(status);
        }

        return Task.CompletedTask;
    }
}

/// <summary>A real SMTP server on a loopback port, in-process; keeps every message it accepts.</summary>
public sealed class InProcessSmtpServer : IAsyncDisposable
{
    private CancellationTokenSource? _stop;
    private Task? _running;

    public int Port { get; } = FreePort();

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Received));
        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public async Task StopAsync()
    {
        if (_stop is null || _running is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _stop = null;
        _running = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
