using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Redress.Complaints.Features;
using Redress.SharedKernel.Hosting;
using Redress.SharedKernel.Security;

namespace Redress.Api.Tests;

/// <summary>The embedded demo carries a complaint that can be investigated and refunded end to end, and seeding is idempotent.</summary>
public abstract class DemoDataApiTests(RedressApp app)
{
    private const string DemoPassword = "Redress-demo-2026";

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_failed_transfer_complaint_names_a_failed_but_debited_transfer_whose_refund_needs_approval_and_seeding_again_changes_nothing()
    {
        app.EnsureAvailable();
        using var customer = await DemoCustomerAsync("wang.xiaoming@example.com");
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        var complaints = await MineAsync(customer);
        var complaint = Assert.Single(complaints, c => c.GetProperty("category").GetString() == "TransactionFailure");
        var number = complaint.GetProperty("number").GetString()!;
        var threshold = app.Services.GetRequiredService<IOptions<RemedyOptions>>().Value.ApprovalThresholdMinorUnits;

        var report = await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}/investigation", _ct);

        var match = report.GetProperty("match");
        Assert.Equal(complaint.GetProperty("transactionReference").GetString(), match.GetProperty("reference").GetString());
        Assert.Equal("Transfer", match.GetProperty("type").GetString());
        Assert.Equal("Failed", match.GetProperty("status").GetString());
        Assert.True(match.GetProperty("posted").GetBoolean());
        var findings = report.GetProperty("findings").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("failed_but_debited", findings);
        Assert.Contains("amount_matches", findings);
        Assert.Contains("time_matches", findings);
        Assert.True(complaint.GetProperty("amount").GetProperty("minorUnits").GetInt64() > threshold);

        var transactions = await TransactionReferencesAsync(customer);
        Assert.True((await PlatformTasks.SeedDemoAsync(app.Services, _ct)).IsSuccess);

        Assert.Equal(complaints.Select(c => c.GetProperty("number").GetString()), (await MineAsync(customer)).Select(c => c.GetProperty("number").GetString()));
        Assert.Equal(transactions, await TransactionReferencesAsync(customer));
    }

    private async Task<HttpClient> DemoCustomerAsync(string email)
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password = DemoPassword }, _ct);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<RedressApp.TokenResponse>(_ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    private async Task<List<JsonElement>> MineAsync(HttpClient customer) =>
        [.. (await customer.GetFromJsonAsync<JsonElement>("/api/complaints/mine?limit=100", _ct)).GetProperty("items").EnumerateArray()];

    private async Task<List<string>> TransactionReferencesAsync(HttpClient customer)
    {
        var references = new List<string>();
        string? cursor = null;
        do
        {
            var page = await customer.GetFromJsonAsync<JsonElement>($"/api/wallet/transactions?limit=100{(cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor))}", _ct);
            references.AddRange(page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("reference").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return references;
    }
}

public sealed class DemoDataApiOnSqlite(SqliteApp app) : DemoDataApiTests(app);

public sealed class DemoDataApiOnPostgres(PostgresApp app) : DemoDataApiTests(app);
