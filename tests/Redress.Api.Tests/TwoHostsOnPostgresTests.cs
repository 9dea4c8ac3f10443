using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Redress.SharedKernel.Security;

namespace Redress.Api.Tests;

/// <summary>Two web hosts on one PostgreSQL database, each running its notification worker and SLA monitor.</summary>
public sealed class TwoHostsOnPostgresTests : IAsyncLifetime
{
    private readonly string _database = $"redress_twin_{Guid.NewGuid():N}";
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
        // One after the other: the first migrates and seeds, the second finds it done.
        _first = new SharedPostgresApp(connection);
        await _first.InitializeAsync();
        _second = new SharedPostgresApp(connection);
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

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresApp.ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class SharedPostgresApp(string connectionString) : RedressApp
    {
        public override string Provider => "Postgres";

        protected override string ConnectionString => connectionString;
    }
}
