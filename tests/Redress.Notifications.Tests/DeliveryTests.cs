using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Redress.Notifications.Data;
using Redress.SharedKernel.Outbox;
using Redress.SharedKernel.Persistence;

namespace Redress.Notifications.Tests;

/// <summary>Delivery end to end on SQLite: outbox → templates → a real SMTP server, the pickup folder, SMS files and the inbox.</summary>
public sealed class DeliveryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly FakeDirectory _directory = new();
    private readonly RecordingSink _sink = new();
    private readonly InProcessSmtpServer _smtp = new();
    private TestDatabase _database = null!;
    private long _nextEventId = 1;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = new TestOutboxDbContext(new DbContextOptionsBuilder<TestOutboxDbContext>().UseRedressDatabase(_database.Settings, "test").Options);
        await db.CreateTablesAsync(_ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_acknowledgement_reaches_the_customer_by_email_once_and_in_the_inbox_and_the_timeline_hears_of_it()
    {
        _smtp.Start();
        await using var host = await StartAsync(SmtpSettings());
        var customer = _directory.Add(culture: "zh-CN");
        var eventId = await AppendAsync(host, customer.UserId, OutboxEventTypes.Acknowledged, "zh-CN", new() { ["Deadline"] = "2026-12-16" });

        Assert.Equal(1, await host.RunOnceAsync(_ct));
        Assert.Equal(0, await host.RunOnceAsync(_ct));

        var mail = Assert.Single(_smtp.Received);
        Assert.Equal($"event-{eventId}.email@redress.test", mail.MessageId);
        Assert.Equal(customer.Email, mail.To.Mailboxes.Single().Address);
        Assert.Equal("我们已收到您的投诉（编号 C-1）", mail.Subject);
        Assert.Contains("2026年12月16日", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>", mail.HtmlBody, StringComparison.Ordinal);

        var inbox = await host.WithAsync((db, _) => db.Inbox.AsNoTracking().ToListAsync(_ct));
        var message = Assert.Single(inbox);
        Assert.Equal((customer.UserId, "投诉 C-1 已受理"), (message.RecipientId, message.Title));

        Assert.All(await host.DeliveriesAsync(_ct), d => Assert.Equal(DeliveryState.Sent, d.State));
        Assert.Equal(["email", "inapp"], _sink.Statuses.Where(s => s.Outcome == DeliveryOutcome.Sent).Select(s => s.Channel).Order(StringComparer.Ordinal));
        Assert.NotNull(await host.WithAsync((_, outbox) => outbox.Deliveries.AsNoTracking().Select(d => d.CompletedAt).SingleAsync(_ct)));
    }

    [Fact]
    public async Task While_the_smtp_server_is_down_email_is_retried_with_growing_waits_and_sent_once_when_it_is_back()
    {
        await using var host = await StartAsync(SmtpSettings());
        var customer = _directory.Add(culture: "en");
        await AppendAsync(host, customer.UserId, OutboxEventTypes.Resolved, "en", new() { ["Outcome"] = "PartlyUpheld", ["FinalResponse"] = "We refunded the fee <of 5 CNY>." });

        await host.RunOnceAsync(_ct);
        var first = Assert.Single(await host.DeliveriesAsync(_ct), d => d.Channel == "email");
        Assert.Equal((DeliveryState.Pending, 1), (first.State, first.Attempts));
        Assert.StartsWith("network", first.LastError, StringComparison.Ordinal);
        var firstWait = first.NextAttemptAt - _time.GetUtcNow();
        Assert.InRange(firstWait, TimeSpan.FromSeconds(24), TimeSpan.FromSeconds(36));
        // The in-app message did not wait for email.
        Assert.Equal(DeliveryState.Sent, (await host.DeliveriesAsync(_ct)).Single(d => d.Channel == "inapp").State);

        // Not due yet: nothing is tried.
        _time.Advance(firstWait / 2);
        Assert.Equal(0, await host.RunOnceAsync(_ct));

        _time.Advance(firstWait);
        await host.RunOnceAsync(_ct);
        var second = Assert.Single(await host.DeliveriesAsync(_ct), d => d.Channel == "email");
        Assert.Equal(2, second.Attempts);
        Assert.InRange(second.NextAttemptAt - _time.GetUtcNow(), TimeSpan.FromSeconds(48), TimeSpan.FromSeconds(72));

        _smtp.Start();
        _time.Advance(TimeSpan.FromMinutes(2));
        await host.RunOnceAsync(_ct);
        _time.Advance(TimeSpan.FromHours(2));
        await host.RunOnceAsync(_ct);

        var mail = Assert.Single(_smtp.Received);
        Assert.Equal("Our answer to your complaint C-1", mail.Subject);
        Assert.Contains("Our decision: we partly uphold your complaint.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("&lt;of 5 CNY&gt;", mail.HtmlBody, StringComparison.Ordinal);
        var sent = Assert.Single(await host.DeliveriesAsync(_ct), d => d.Channel == "email");
        Assert.Equal((DeliveryState.Sent, 3), (sent.State, sent.Attempts));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_given_up_after_the_last_attempt_and_reported_as_failed()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>(SmtpSettings()) { ["Notifications:MaxAttempts"] = "3" });
        var staff = _directory.Add(culture: "en", phone: null, name: "Agent Li");
        var eventId = await AppendAsync(host, staff.UserId, OutboxEventTypes.StaffSlaWarning, "en", new() { ["Deadline"] = "2026-11-27" }, RecipientKind.Staff);

        for (var round = 0; round < 5; round++)
        {
            await host.RunOnceAsync(_ct);
            _time.Advance(TimeSpan.FromHours(2));
        }

        var email = Assert.Single(await host.DeliveriesAsync(_ct), d => d.Channel == "email");
        Assert.Equal((DeliveryState.Failed, 3), (email.State, email.Attempts));
        var failed = Assert.Single(_sink.Statuses, s => s.Outcome == DeliveryOutcome.Failed);
        Assert.Equal((eventId, "email", 3), (failed.EventId, failed.Channel, failed.Attempts));
        Assert.DoesNotContain("@", failed.Detail, StringComparison.Ordinal);
        // Staff alerts go to the app and email, never SMS.
        Assert.DoesNotContain(await host.DeliveriesAsync(_ct), d => d.Channel == "sms");
        Assert.NotNull(await host.WithAsync((_, outbox) => outbox.Deliveries.AsNoTracking().Select(d => d.CompletedAt).SingleAsync(_ct)));
    }

    [Fact]
    public async Task Without_an_smtp_server_email_goes_to_the_pickup_folder_as_a_valid_eml_and_sms_to_its_outbox_when_enabled()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Notifications:Sms:Enabled"] = "true" });
        var customer = _directory.Add(culture: "en");
        var eventId = await AppendAsync(host, customer.UserId, OutboxEventTypes.InformationRequested, "en", new() { ["Question"] = "Which card did you use?", ["Deadline"] = "2026-12-01" });

        await host.RunOnceAsync(_ct);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_database.DataDirectory, "mail-pickup")));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var mail = await MimeMessage.LoadAsync(file, _ct);
        Assert.Equal($"event-{eventId}.email@redress.invalid", mail.MessageId);
        Assert.Equal(customer.Email, mail.To.Mailboxes.Single().Address);
        Assert.Equal("We need some more information about complaint C-1", mail.Subject);
        Assert.Contains("Which card did you use?", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("1 December 2026", mail.HtmlBody, StringComparison.Ordinal);

        var sms = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Path.Combine(_database.DataDirectory, "sms-outbox"))), _ct);
        Assert.Contains(customer.Phone!, sms, StringComparison.Ordinal);
        Assert.Contains("Please reply in the app by 1 December 2026.", sms, StringComparison.Ordinal);
        Assert.All(await host.DeliveriesAsync(_ct), d => Assert.Equal(DeliveryState.Sent, d.State));
        Assert.Equal(3, (await host.DeliveriesAsync(_ct)).Count);
    }

    [Fact]
    public async Task A_worker_that_crashed_while_sending_is_relieved_after_its_lease_and_the_resend_keeps_the_message_id()
    {
        _smtp.Start();
        await using var host = await StartAsync(SmtpSettings());
        var customer = _directory.Add();
        var eventId = await AppendAsync(host, customer.UserId, OutboxEventTypes.AppealReceived, "zh-CN", new() { ["Deadline"] = "2026-12-20" });
        // As if a worker had taken the email and died before recording the outcome: a "sending" row with a live lease.
        await host.WithAsync(async (db, _) =>
        {
            db.Deliveries.Add(new NotificationDelivery
            {
                EventId = eventId,
                Channel = "email",
                ComplaintNumber = "C-1",
                RecipientId = customer.UserId,
                State = DeliveryState.Sending,
                Attempts = 1,
                NextAttemptAt = _time.GetUtcNow(),
                LeasedUntil = _time.GetUtcNow().AddMinutes(2),
                MessageId = $"event-{eventId}.email@redress.test",
                CreatedAt = _time.GetUtcNow(),
            });
            return await db.SaveChangesAsync(_ct);
        });

        await host.RunOnceAsync(_ct);
        Assert.Empty(_smtp.Received);

        _time.Advance(TimeSpan.FromMinutes(6));
        await host.RunOnceAsync(_ct);

        var mail = Assert.Single(_smtp.Received);
        Assert.Equal($"event-{eventId}.email@redress.test", mail.MessageId);
        Assert.Equal((DeliveryState.Sent, 2), (await host.DeliveriesAsync(_ct)).Where(d => d.Channel == "email").Select(d => (d.State, d.Attempts)).Single());
    }

    [Fact]
    public async Task An_edited_template_is_used_in_place_of_the_shipped_one()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>());
        await host.WithAsync(async (db, _) =>
        {
            db.Templates.Add(new TemplateOverride
            {
                EventType = OutboxEventTypes.Acknowledged,
                Channel = "inapp",
                Culture = "en",
                Subject = "Got it: {ComplaintNumber}",
                Body = "Answer due {Deadline}.",
                UpdatedAt = _time.GetUtcNow(),
                UpdatedBy = Guid.NewGuid(),
            });
            return await db.SaveChangesAsync(_ct);
        });
        var customer = _directory.Add(culture: "en");
        await AppendAsync(host, customer.UserId, OutboxEventTypes.Acknowledged, "en", new() { ["Deadline"] = "2026-12-16" });

        await host.RunOnceAsync(_ct);

        var message = Assert.Single(await host.WithAsync((db, _) => db.Inbox.AsNoTracking().ToListAsync(_ct)));
        Assert.Equal(("Got it: C-1", "Answer due 16 December 2026."), (message.Title, message.Body));
    }

    private Dictionary<string, string?> SmtpSettings() => new()
    {
        ["Notifications:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Smtp:Security"] = "None",
        ["Notifications:Smtp:FromAddress"] = "care@redress.test",
        ["Notifications:Smtp:TimeoutSeconds"] = "10",
    };

    private Task<NotificationsHost> StartAsync(IDictionary<string, string?> settings) =>
        NotificationsHost.StartAsync(_database.Settings, _time, _directory, _sink, settings, _ct);

    private async Task<long> AppendAsync(NotificationsHost host, Guid recipient, string type, string culture, Dictionary<string, string> data, RecipientKind kind = RecipientKind.Customer)
    {
        var id = _nextEventId++;
        await host.WithAsync(async (_, outbox) =>
        {
            await outbox.AppendAsync(
                new TestEvent
                {
                    Id = id,
                    ComplaintNumber = $"C-{id}",
                    RecipientId = recipient,
                    RecipientKind = kind,
                    Type = type,
                    Culture = culture,
                    OccurredAt = _time.GetUtcNow(),
                    DataJson = JsonSerializer.Serialize(data),
                },
                _time.GetUtcNow(),
                _ct);
            return id;
        });
        return id;
    }
}
