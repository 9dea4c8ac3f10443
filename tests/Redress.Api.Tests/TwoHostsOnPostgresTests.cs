using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Redress.SharedKernel.Security;

namespace Redress.Api.Tests;

/// <summary>Two web hosts on one PostgreSQL database, each running its notification worker and SLA monitor.</summary>
public sealed class TwoHostsOnPostgresTests : IAsyncLifetime
{
    private readonly string _database = $"redress_twin_{Guid.NewGuid():N}";
    private readonly string _certificates = Path.Combine(Path.GetTempPath(), "redress-twin-certificates", Guid.NewGuid().ToString("N"));
    private SharedPostgresApp? _first;
    private SharedPostgresApp? _second;

    public async ValueTask InitializeAsync()
    {
        if (PostgresApp.ServerConnectionString is null)
        {
            return;
        }

        await ExecuteAsync($"CREATE DATABASE \"{_database}\"");
        var connection = new NpgsqlConnectionStringBuilder(PostgresApp.ServerConnectionString) { Database = _database }.ConnectionString;
        // One after the other: the first migrates and seeds, the second finds it done. One certificate, as two
        // machines of one deployment would share, so that each reads the key ring the other writes to.
        var certificate = TestCertificate.Create(_certificates);
        _first = new SharedPostgresApp(connection, certificate);
        await _first.InitializeAsync();
        _second = new SharedPostgresApp(connection, certificate);
        await _second.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        if (_first is not null)
        {
            await _first.DisposeAsync();
        }

        if (PostgresApp.ServerConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        }

        if (Directory.Exists(_certificates))
        {
            Directory.Delete(_certificates, recursive: true);
        }
    }

    [Fact]
    public async Task Each_acknowledgement_is_mailed_and_put_in_the_inbox_once_with_two_hosts_delivering()
    {
        new PostgresApp().EnsureAvailable();
        var ct = TestContext.Current.CancellationToken;
        using var customer = await _first!.ClientForAsync(RedressRoles.Customer, "GB", "en");
        using var agent = await _second!.ClientForAsync(RedressRoles.Agent);
        var numbers = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var number = await CaseFiles.FileAsync(customer, ct, transactionReference: null);
            await CaseFiles.PostOkAsync(agent, $"/api/complaints/{number}/acknowledge", null, ct);
            numbers.Add(number);
        }

        int Mailed(string number) => new[] { _first.MailPickupFolder, _second.MailPickupFolder }
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "*.eml"))
            .Count(file => File.ReadAllText(file).Contains(number, StringComparison.Ordinal));

        for (var i = 0; i < 150 && !numbers.All(n => Mailed(n) > 0); i++)
        {
            await Task.Delay(200, ct);
        }

        // Give a would-be second sender time to act before counting.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        Assert.All(numbers, n => Assert.Equal(1, Mailed(n)));
        var inbox = await customer.GetFromJsonAsync<JsonElement>("/api/inbox?limit=100", ct);
        var messages = inbox.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("complaintNumber").GetString()).ToList();
        Assert.Equal(numbers.Order(StringComparer.Ordinal), messages.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Two_sla_monitors_sweeping_one_database_at_once_announce_each_point_once_and_keep_every_chain_intact()
    {
        new PostgresApp().EnsureAvailable();
        var ct = TestContext.Current.CancellationToken;
        using var customer = await _first!.ClientForAsync(RedressRoles.Customer, "GB", "en");
        using var agent = await _second!.ClientForAsync(RedressRoles.Agent);
        var me = (await agent.GetFromJsonAsync<JsonElement>("/api/auth/me", ct)).GetProperty("userId").GetGuid();
        var numbers = new List<string>();
        for (var i = 0; i < 120; i++)
        {
            var number = await CaseFiles.FileAsync(customer, ct, transactionReference: null);
            // Half of them have an owner, whose announcements also go to the outbox.
            if (i % 2 == 0)
            {
                await CaseFiles.PostOkAsync(agent, $"/api/complaints/{number}/assign", new { assigneeId = me }, ct);
            }

            numbers.Add(number);
        }

        await SlaSweeps.MakeOverdueAsync(_first, numbers, ct);
        // Batches of 25 (see SharedPostgresApp) over 120 due complaints: both monitors pick overlapping batches several times.
        for (var round = 0; round < 20; round++)
        {
            var due = await Task.WhenAll(SlaSweeps.SweepAsync(_first, ct), SlaSweeps.SweepAsync(_second, ct), SlaSweeps.SweepAsync(_first, ct), SlaSweeps.SweepAsync(_second, ct));
            if (due.All(d => d == 0))
            {
                break;
            }
        }

        foreach (var number in numbers)
        {
            Assert.Equal(SlaSweeps.EveryPoint, await SlaSweeps.EntriesAsync(agent, number, ct));
        }

        var verification = await SlaSweeps.VerifyAsync(_first, ct);
        Assert.True(verification.Intact, string.Join("; ", verification.Broken));
        // Every announcement to an owner has exactly one outbox row; with no owner only the breach has one (it is
        // escalated to the supervisors), and the other announcements have none.
        Assert.Equal(
            (numbers.Count / 2 * SlaSweeps.EveryPoint.Length, numbers.Count / 2L, 0L),
            (await ScalarAsync("""SELECT count(*) FROM timeline_events e JOIN complaints c ON c."Id" = e."ComplaintId" JOIN outbox_deliveries d ON d."EventId" = e."Id" WHERE e."Type" LIKE 'sla.%' AND c."AssigneeId" IS NOT NULL"""),
             await ScalarAsync("""SELECT count(*) FROM timeline_events e JOIN complaints c ON c."Id" = e."ComplaintId" JOIN outbox_deliveries d ON d."EventId" = e."Id" WHERE e."Type" = 'sla.breached' AND c."AssigneeId" IS NULL"""),
             await ScalarAsync("""SELECT count(*) FROM timeline_events e JOIN complaints c ON c."Id" = e."ComplaintId" JOIN outbox_deliveries d ON d."EventId" = e."Id" WHERE e."Type" LIKE 'sla.%' AND e."Type" <> 'sla.breached' AND c."AssigneeId" IS NULL""")));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        var connection = new NpgsqlConnectionStringBuilder(PostgresApp.ServerConnectionString) { Database = _database }.ConnectionString;
        await using var data = new NpgsqlConnection(connection);
        await data.OpenAsync();
        await using var command = new NpgsqlCommand(sql, data);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresApp.ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class SharedPostgresApp(string connectionString, TestCertificate certificate) : RedressApp
    {
        public override string Provider => "Postgres";

        protected override string ConnectionString => connectionString;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Small batches, so that two sweeps over the same due complaints overlap in several rounds.
            builder.UseSetting("SlaMonitor:BatchSize", "25");
            KeyRingTests.WithCertificate(builder, certificate);
        }
    }
}
