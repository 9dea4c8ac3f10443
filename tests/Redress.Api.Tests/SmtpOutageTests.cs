using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Redress.Complaints.Data;
using Redress.Notifications.Data;
using Redress.SharedKernel.Security;
using static Redress.Api.Tests.Eventually;

namespace Redress.Api.Tests;

/// <summary>
/// An SMTP outage end to end: the real host, the complaints module's timeline as the outbox, and a real SMTP server
/// that is down when the acknowledgement is due and comes up later. Backoff is configured short instead of faking time,
/// because the worker, the HTTP calls and the SMTP server all run on real clocks here.
/// </summary>
public abstract class SmtpOutageTests(RedressApp app, InProcessSmtpServer smtp)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_acknowledgement_that_meets_an_smtp_outage_is_retried_with_backoff_and_arrives_once_when_the_server_is_back()
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer, "GB", "en");
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        var number = await CaseFiles.FileAsync(customer, _ct, transactionReference: null);
        var clock = Stopwatch.StartNew();
        await CaseFiles.PostOkAsync(agent, $"/api/complaints/{number}/acknowledge", null, _ct);

        // The in-app message does not wait for the mail server.
        await WaitForAsync(async () => await InboxCountAsync(customer, number) == 1 ? true : (bool?)null);

        // Each attempt is refused; the waits between them grow (1 s, then 2 s, ±20 %), so three attempts take over 2 s,
        // where retrying at every poll (200 ms) would have taken well under one.
        var failing = await WaitForAsync(async () => await EmailDeliveryAsync(number) is { Attempts: >= 3, State: DeliveryState.Pending } row ? row : null);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"three attempts after {clock.Elapsed}: no backoff");
        Assert.Equal(DeliveryState.Pending, failing.State);
        Assert.Equal("network ConnectionRefused", failing.LastError);
        Assert.Empty(smtp.Received);
        Assert.Contains(new Report("email", "Retrying"), await DeliveryReportsAsync(number));
        Assert.DoesNotContain(new Report("email", "Sent"), await DeliveryReportsAsync(number));

        smtp.Start();

        var reports = await WaitForAsync(async () => await DeliveryReportsAsync(number) is { } found && found.Contains(new Report("email", "Sent")) ? found : null);
        var mail = Assert.Single(smtp.Received, m => m.Subject?.Contains(number, StringComparison.Ordinal) == true);
        Assert.Contains("answer", mail.TextBody, StringComparison.OrdinalIgnoreCase);
        var sent = await EmailDeliveryAsync(number);
        Assert.Equal(DeliveryState.Sent, sent!.State);
        Assert.True(sent.Attempts > failing.Attempts);
        Assert.Equal(1, await InboxCountAsync(customer, number));
        // The staff timeline tells the story once per (channel, outcome): in-app sent, email retrying, email sent.
        Assert.Equal(new Report[] { new("email", "Retrying"), new("email", "Sent"), new("inapp", "Sent") }, reports.Order().ToList());
        var timeline = (await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct)).GetProperty("timeline").EnumerateArray();
        Assert.Equal(3, timeline.Count(e => e.GetProperty("type").GetString() == "notification.delivery"));
    }

    private async Task<int> InboxCountAsync(HttpClient customer, string number)
    {
        var page = await customer.GetFromJsonAsync<JsonElement>("/api/inbox", _ct);
        return page.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("complaintNumber").GetString() == number);
    }

    private async Task<NotificationDelivery?> EmailDeliveryAsync(string number)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        return await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.ComplaintNumber == number && d.Channel == "email", _ct);
    }

    /// <summary>The (channel, outcome) of each delivery report on the complaint's timeline, read where the sink wrote them.</summary>
    private async Task<List<Report>> DeliveryReportsAsync(string number)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        // The acknowledgement's timeline entry is the delivery's event; its complaint holds the reports.
        var eventId = (await EmailDeliveryAsync(number))!.EventId;
        var payloads = await db.Database.SqlQuery<string>(
                $"""SELECT e."Payload" AS "Value" FROM timeline_events e WHERE e."Type" = 'notification.delivery' AND e."ComplaintId" = (SELECT a."ComplaintId" FROM timeline_events a WHERE a."Id" = {eventId})""")
            .ToListAsync(_ct);
        return [.. payloads.Select(p => JsonSerializer.Deserialize<Report>(p, s_json)!)];
    }

    private sealed record Report(string Channel, string Outcome) : IComparable<Report>
    {
        public int CompareTo(Report? other) =>
            other is null ? 1 : (string.CompareOrdinal(Channel, other.Channel) is var byChannel and not 0 ? byChannel : string.CompareOrdinal(Outcome, other.Outcome));
    }
}

/// <summary>The host's settings for the outage: SMTP at a port where nothing listens yet, and short backoff.</summary>
internal static class SmtpOutageSettings
{
    public static void Apply(IWebHostBuilder builder, int port)
    {
        builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Notifications:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Notifications:Smtp:Security", "None");
        builder.UseSetting("Notifications:Smtp:FromAddress", "care@redress.test");
        builder.UseSetting("Notifications:Smtp:TimeoutSeconds", "10");
        builder.UseSetting("Notifications:RetryBase", "00:00:01");
        builder.UseSetting("Notifications:RetryMax", "00:00:04");
        builder.UseSetting("Notifications:MaxAttempts", "1000");
    }
}

public sealed class SqliteAppWithSmtp : SqliteApp
{
    public InProcessSmtpServer Smtp { get; } = new();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SmtpOutageSettings.Apply(builder, Smtp.Port);
    }
}

public sealed class PostgresAppWithSmtp : PostgresApp
{
    public InProcessSmtpServer Smtp { get; } = new();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SmtpOutageSettings.Apply(builder, Smtp.Port);
    }
}

public sealed class SmtpOutageOnSqlite(SqliteAppWithSmtp app) : SmtpOutageTests(app, app.Smtp), IClassFixture<SqliteAppWithSmtp>;

public sealed class SmtpOutageOnPostgres(PostgresAppWithSmtp app) : SmtpOutageTests(app, app.Smtp), IClassFixture<PostgresAppWithSmtp>;
