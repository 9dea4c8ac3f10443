using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;
using Redress.SharedKernel.Security;
using Redress.Wallet.Features;

namespace Redress.Api.Tests;

public abstract class WalletApiTests(RedressApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_customer_sees_their_balance_and_pages_through_their_transactions_newest_first()
    {
        var (customer, _, references) = await CustomerWithHistoryAsync(payments: 5);

        var wallet = await customer.GetFromJsonAsync<JsonElement>("/api/wallet", _ct);
        var account = Assert.Single(wallet.GetProperty("accounts").EnumerateArray());
        Assert.Equal("CNY", account.GetProperty("currency").GetString());
        Assert.Equal(10_000 - (5 * 100) - 10, account.GetProperty("balance").GetProperty("minorUnits").GetInt64());

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await customer.GetFromJsonAsync<JsonElement>($"/api/wallet/transactions?limit=2{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}", _ct);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reference").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(references.AsEnumerable().Reverse(), seen);
        var fees = await customer.GetFromJsonAsync<JsonElement>("/api/wallet/transactions?type=fee&status=Completed", _ct);
        var fee = Assert.Single(fees.GetProperty("items").EnumerateArray());
        Assert.Equal("Fee", fee.GetProperty("type").GetString());
        Assert.Equal("Debit", fee.GetProperty("direction").GetString());
    }

    [Fact]
    public async Task Transaction_details_suggest_a_complaint_category_and_stay_hidden_from_other_customers()
    {
        var (owner, _, references) = await CustomerWithHistoryAsync(payments: 1);
        using var other = await app.ClientForAsync(RedressRoles.Customer);
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        using var anonymous = app.CreateClient();
        var fee = references[^1];

        var details = await owner.GetFromJsonAsync<JsonElement>($"/api/wallet/transactions/{fee.ToLowerInvariant()}", _ct);
        Assert.Equal("Fees", details.GetProperty("suggestedCategory").GetString());
        Assert.Equal(10, details.GetProperty("transaction").GetProperty("amount").GetProperty("minorUnits").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/wallet/transactions/{fee}", _ct)).StatusCode);

        var hidden = await (await other.GetAsync($"/api/wallet/transactions/{fee}", _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await other.GetAsync("/api/wallet/transactions/TX2611250000000000", _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(missing.GetProperty("detail").GetString(), hidden.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/wallet/transactions/{fee}", _ct)).StatusCode);
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/wallet/transactions", _ct)).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData(RedressRoles.Agent, HttpStatusCode.OK)]
    [InlineData(RedressRoles.Supervisor, HttpStatusCode.OK)]
    [InlineData(RedressRoles.ComplianceOfficer, HttpStatusCode.OK)]
    [InlineData(RedressRoles.Administrator, HttpStatusCode.Forbidden)]
    [InlineData(RedressRoles.Customer, HttpStatusCode.Forbidden)]
    public async Task Case_workers_read_any_customers_wallet_and_others_do_not(string role, HttpStatusCode expected)
    {
        var (_, customerId, _) = await CustomerWithHistoryAsync(payments: 1);
        using var reader = await app.ClientForAsync(role);

        var wallet = await reader.GetAsync($"/api/wallets/{customerId}", _ct);
        var transactions = await reader.GetAsync($"/api/wallets/{customerId}/transactions", _ct);

        Assert.Equal(expected, wallet.StatusCode);
        Assert.Equal(expected, transactions.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(3, (await transactions.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("items").GetArrayLength());
            await (await reader.GetAsync($"/api/wallets/{Guid.NewGuid()}", _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Theory]
    [InlineData("type=Gift", "type")]
    [InlineData("status=Lost", "status")]
    [InlineData("cursor=bm90LW91cnM", "cursor")]
    [InlineData("limit=0", "limit")]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    public async Task Bad_filters_are_answered_with_a_problem_naming_the_field(string query, string field)
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer);

        await (await customer.GetAsync($"/api/wallet/transactions?{query}", _ct)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task The_ledger_interface_refunds_through_the_running_app_once_per_key()
    {
        var (customer, _, references) = await CustomerWithHistoryAsync(payments: 1);
        await using var scope = app.Services.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<ILedger>();
        var request = new RefundRequest("complaint-1:remedy-1:" + references[1], references[1], new Money(60, Currency.Cny), "Refund agreed in complaint");

        var first = await ledger.RefundAsync(request, _ct);
        var retry = await ledger.RefundAsync(request, _ct);
        var over = await ledger.RefundAsync(request with { IdempotencyKey = "another", Amount = new Money(41, Currency.Cny) }, _ct);

        Assert.Equal(first.Value.Reference, retry.Value.Reference);
        Assert.Equal(ErrorKind.Validation, over.Error?.Kind);
        var wallet = await customer.GetFromJsonAsync<JsonElement>("/api/wallet", _ct);
        Assert.Equal(10_000 - 100 - 10 + 60, wallet.GetProperty("accounts")[0].GetProperty("balance").GetProperty("minorUnits").GetInt64());
    }

    [Fact]
    public async Task A_supervisor_refunds_over_http_once_per_idempotency_key()
    {
        var (customer, _, references) = await CustomerWithHistoryAsync(payments: 1);
        using var supervisor = await app.ClientForAsync(RedressRoles.Supervisor, "GB", "en");
        var key = "remedy-" + Guid.NewGuid().ToString("N");

        var first = await PostAsync(supervisor, $"/api/wallets/transactions/{references[1]}/refunds", key, new { amount = 0.60m, currency = "CNY", reason = "Partial refund agreed" });
        var retry = await PostAsync(supervisor, $"/api/wallets/transactions/{references[1]}/refunds", key, new { amount = 0.60m, currency = "CNY", reason = "Partial refund agreed" });
        var changed = await PostAsync(supervisor, $"/api/wallets/transactions/{references[1]}/refunds", key, new { amount = 0.70m, currency = "CNY", reason = "Partial refund agreed" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var refund = await first.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal("Refund", refund.GetProperty("type").GetString());
        Assert.Equal(60, refund.GetProperty("amount").GetProperty("minorUnits").GetInt64());
        Assert.Equal(refund.GetProperty("reference").GetString(), (await retry.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("reference").GetString());
        await changed.AssertProblemAsync(HttpStatusCode.Conflict);
        var wallet = await customer.GetFromJsonAsync<JsonElement>("/api/wallet", _ct);
        Assert.Equal(10_000 - 100 - 10 + 60, wallet.GetProperty("accounts")[0].GetProperty("balance").GetProperty("minorUnits").GetInt64());
    }

    [Theory]
    [InlineData(null, 0.5, "CNY", "idempotencyKey")]
    [InlineData("k", 0, "CNY", "amount")]
    [InlineData("k", -1, "CNY", "amount")]
    [InlineData("k", 0.001, "CNY", "amount")]
    [InlineData("k", 0.5, "XYZ", "currency")]
    [InlineData("k", 0.5, "USD", "amount")]
    [InlineData("k", 1.01, "CNY", "amount")]
    public async Task Bad_refunds_over_http_name_the_field_and_post_nothing(string? key, double amount, string currency, string field)
    {
        var (customer, _, references) = await CustomerWithHistoryAsync(payments: 1);
        using var supervisor = await app.ClientForAsync(RedressRoles.Supervisor);

        var response = await PostAsync(supervisor, $"/api/wallets/transactions/{references[1]}/refunds", key is null ? null : key + Guid.NewGuid().ToString("N"), new { amount = (decimal)amount, currency, reason = "x" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        var wallet = await customer.GetFromJsonAsync<JsonElement>("/api/wallet", _ct);
        Assert.Equal(10_000 - 100 - 10, wallet.GetProperty("accounts")[0].GetProperty("balance").GetProperty("minorUnits").GetInt64());
    }

    [Theory]
    [InlineData(RedressRoles.Agent)]
    [InlineData(RedressRoles.Customer)]
    [InlineData(RedressRoles.Administrator)]
    public async Task Only_supervisors_may_move_money_or_freeze_over_http(string role)
    {
        var (_, customerId, references) = await CustomerWithHistoryAsync(payments: 1);
        using var other = await app.ClientForAsync(role);
        using var supervisor = await app.ClientForAsync(RedressRoles.Supervisor);
        var accountId = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/wallets/{customerId}", _ct)).GetProperty("accounts")[0].GetProperty("accountId").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(other, $"/api/wallets/transactions/{references[1]}/refunds", "k-" + Guid.NewGuid(), new { amount = 0.5m, currency = "CNY", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(other, $"/api/wallets/accounts/{accountId}/freeze", "k-" + Guid.NewGuid(), new { reason = "x" })).StatusCode);

        var frozen = await PostAsync(supervisor, $"/api/wallets/accounts/{accountId}/freeze", "k-" + Guid.NewGuid(), new { reason = "Lost phone" });
        Assert.Equal("Frozen", (await frozen.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("status").GetString());
        await (await PostAsync(supervisor, $"/api/wallets/accounts/{Guid.NewGuid()}/freeze", "k-" + Guid.NewGuid(), new { reason = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string? key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request, _ct);
    }

    /// <summary>A new customer with a wallet: a top-up of 100.00, <paramref name="payments"/> payments of 1.00 and a fee of 0.10, in that order.</summary>
    private async Task<(HttpClient Client, Guid CustomerId, List<string> References)> CustomerWithHistoryAsync(int payments)
    {
        var client = await app.ClientForAsync(RedressRoles.Customer);
        var customerId = (await client.GetFromJsonAsync<JsonElement>("/api/wallet", _ct)).GetProperty("customerId").GetGuid();
        await using var scope = app.Services.CreateAsyncScope();
        var operations = scope.ServiceProvider.GetRequiredService<WalletOperations>();
        var wallet = await operations.OpenWalletAsync(customerId, Currency.Cny, _ct);
        var references = new List<string> { (await operations.TopUpAsync(null, wallet.Id, new Money(10_000, Currency.Cny), _ct)).Value.Reference };
        for (var i = 0; i < payments; i++)
        {
            references.Add((await operations.PayAsync(null, wallet.Id, new Money(100, Currency.Cny), "瑞幸咖啡", _ct)).Value.Reference);
        }

        references.Add((await operations.ChargeFeeAsync(null, wallet.Id, new Money(10, Currency.Cny), "提现手续费", _ct)).Value.Reference);
        return (client, customerId, references);
    }
}

public sealed class WalletApiOnSqlite(SqliteApp app) : WalletApiTests(app);

public sealed class WalletApiOnPostgres(PostgresApp app) : WalletApiTests(app);
