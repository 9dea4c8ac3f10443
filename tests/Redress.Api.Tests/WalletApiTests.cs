using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
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
    public async Task A_refund_one_supervisor_proposes_moves_money_only_when_another_approves_and_only_once()
    {
        var (customer, _, references) = await CustomerWithHistoryAsync(payments: 1);
        var (proposer, proposerId) = await SupervisorAsync();
        var (approver, approverId) = await SupervisorAsync();
        using var third = await app.ClientForAsync(RedressRoles.Supervisor);
        var key = "staff-" + Guid.NewGuid().ToString("N");
        var path = $"/api/wallets/transactions/{references[1]}/refunds";

        var first = await PostAsync(proposer, path, key, new { amount = 0.60m, currency = "CNY", reason = "Partial refund agreed" });
        var again = await PostAsync(proposer, path, key, new { amount = 0.60m, currency = "CNY", reason = "Partial refund agreed" });
        var changed = await PostAsync(proposer, path, key, new { amount = 0.70m, currency = "CNY", reason = "Partial refund agreed" });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var proposed = await first.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var id = proposed.GetProperty("id").GetInt64();
        Assert.Equal("Pending", proposed.GetProperty("state").GetString());
        Assert.Equal(60, proposed.GetProperty("amount").GetProperty("minorUnits").GetInt64());
        Assert.Equal($"/api/wallets/operations/{id}", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetInt64());
        await changed.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(StartingBalance, await BalanceAsync(customer));

        var own = await (await proposer.PostAsync($"/api/wallets/operations/{id}/approve", null, _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("staff_operation_approver_is_proposer", own.GetProperty("code").GetString());
        Assert.Equal(StartingBalance, await BalanceAsync(customer));

        var approved = await approver.PostAsync($"/api/wallets/operations/{id}/approve", null, _ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var executed = await approved.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal("Executed", executed.GetProperty("state").GetString());
        Assert.Equal(approverId, executed.GetProperty("decidedById").GetGuid());
        Assert.Equal(StartingBalance + 60, await BalanceAsync(customer));

        await (await third.PostAsync($"/api/wallets/operations/{id}/approve", null, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await approver.PostAsync($"/api/wallets/operations/{id}/approve", null, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(StartingBalance + 60, await BalanceAsync(customer));
        var refunds = await customer.GetFromJsonAsync<JsonElement>("/api/wallet/transactions?type=Refund", _ct);
        var refund = Assert.Single(refunds.GetProperty("items").EnumerateArray());
        Assert.Equal(executed.GetProperty("ledgerReference").GetString(), refund.GetProperty("reference").GetString());

        var trail = (await third.GetFromJsonAsync<JsonElement>($"/api/wallets/operations/{id}", _ct)).GetProperty("trail").EnumerateArray().ToList();
        Assert.Equal(["Proposed", "Approved", "Executed"], trail.Select(e => e.GetProperty("step").GetString()));
        Assert.Equal([proposerId, approverId, approverId], trail.Select(e => e.GetProperty("actorId").GetGuid()));
        Assert.Equal("Partial refund agreed", trail[0].GetProperty("data").GetProperty("reason").GetString());
        Assert.Equal(refund.GetProperty("reference").GetString(), trail[2].GetProperty("data").GetProperty("ledgerReference").GetString());
    }

    [Fact]
    public async Task Two_supervisors_approving_at_once_pay_once()
    {
        var (customer, customerId, _) = await CustomerWithHistoryAsync(payments: 1);
        var (proposer, _) = await SupervisorAsync();
        using var one = await app.ClientForAsync(RedressRoles.Supervisor);
        using var other = await app.ClientForAsync(RedressRoles.Supervisor);
        var id = await ProposeAsync(proposer, $"/api/wallets/accounts/{await AccountIdAsync(proposer, customerId)}/compensation", new { amount = 5m, currency = "CNY", reason = "Goodwill for the outage" });

        var answers = await Task.WhenAll(
            one.PostAsync($"/api/wallets/operations/{id}/approve", null, _ct),
            other.PostAsync($"/api/wallets/operations/{id}/approve", null, _ct));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Equal(StartingBalance + 500, await BalanceAsync(customer));
        var trail = (await one.GetFromJsonAsync<JsonElement>($"/api/wallets/operations/{id}", _ct)).GetProperty("trail").EnumerateArray();
        Assert.Equal(["Proposed", "Approved", "Executed"], trail.Select(e => e.GetProperty("step").GetString()));
    }

    [Fact]
    public async Task A_fee_reversal_is_paid_once_approved_and_a_rejected_compensation_moves_nothing()
    {
        var (customer, customerId, references) = await CustomerWithHistoryAsync(payments: 1);
        var (proposer, _) = await SupervisorAsync();
        var (approver, approverId) = await SupervisorAsync();
        var fee = await ProposeAsync(proposer, $"/api/wallets/transactions/{references[^1]}/fee-reversal", new { reason = "Fee charged in error" });
        var compensation = await ProposeAsync(proposer, $"/api/wallets/accounts/{await AccountIdAsync(proposer, customerId)}/compensation", new { amount = 20m, currency = "CNY", reason = "Goodwill" });

        await CaseOkAsync(approver, $"/api/wallets/operations/{fee}/approve", null);
        await (await approver.PostAsJsonAsync($"/api/wallets/operations/{compensation}/reject", new { reason = " " }, _ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "reason");
        var rejected = await CaseOkAsync(approver, $"/api/wallets/operations/{compensation}/reject", new { reason = "No outage on that day" });

        Assert.Equal("Rejected", rejected.GetProperty("state").GetString());
        Assert.Equal(approverId, rejected.GetProperty("decidedById").GetGuid());
        Assert.Equal(StartingBalance + 10, await BalanceAsync(customer));
        await (await approver.PostAsync($"/api/wallets/operations/{compensation}/approve", null, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await proposer.PostAsJsonAsync($"/api/wallets/operations/{compensation}/reject", new { reason = "Again" }, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(StartingBalance + 10, await BalanceAsync(customer));
        var trail = (await approver.GetFromJsonAsync<JsonElement>($"/api/wallets/operations/{compensation}", _ct)).GetProperty("trail").EnumerateArray().ToList();
        Assert.Equal(["Proposed", "Rejected"], trail.Select(e => e.GetProperty("step").GetString()));
        Assert.Equal("No outage on that day", trail[1].GetProperty("data").GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_ledger_that_fails_during_approval_answers_503_and_a_retry_pays_once(bool paidBeforeThrowing)
    {
        var (customer, _, references) = await CustomerWithHistoryAsync(payments: 1);
        var (proposer, _) = await SupervisorAsync();
        var (approver, _) = await SupervisorAsync();
        var id = await ProposeAsync(proposer, $"/api/wallets/transactions/{references[1]}/refunds", new { amount = 1m, currency = "CNY", reason = "Refund in full" });
        var failure = new OneLedgerFailure(paidBeforeThrowing);
        await using var flakyHost = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(failure.Decorate));
        using var flakyApprover = flakyHost.CreateClient();
        flakyApprover.DefaultRequestHeaders.Authorization = approver.DefaultRequestHeaders.Authorization;

        var problem = await (await flakyApprover.PostAsync($"/api/wallets/operations/{id}/approve", null, _ct)).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Equal("staff_operation_ledger_unavailable", problem.GetProperty("code").GetString());
        Assert.Equal(1, failure.Thrown);
        Assert.Equal("Executing", (await approver.GetFromJsonAsync<JsonElement>($"/api/wallets/operations/{id}", _ct)).GetProperty("state").GetString());
        Assert.Equal(StartingBalance + (paidBeforeThrowing ? 100 : 0), await BalanceAsync(customer));
        await (await approver.PostAsync($"/api/wallets/operations/{id}/approve", null, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await proposer.PostAsync($"/api/wallets/operations/{id}/retry", null, _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);

        var retried = await CaseOkAsync(flakyApprover, $"/api/wallets/operations/{id}/retry", null);

        Assert.Equal("Executed", retried.GetProperty("state").GetString());
        Assert.Equal(StartingBalance + 100, await BalanceAsync(customer));
        await (await approver.PostAsync($"/api/wallets/operations/{id}/retry", null, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(StartingBalance + 100, await BalanceAsync(customer));
        var trail = (await approver.GetFromJsonAsync<JsonElement>($"/api/wallets/operations/{id}", _ct)).GetProperty("trail").EnumerateArray().ToList();
        Assert.Equal(["Proposed", "Approved", "Executed"], trail.Select(e => e.GetProperty("step").GetString()));
        Assert.True(trail[2].GetProperty("data").GetProperty("retried").GetBoolean());
    }

    [Fact]
    public async Task Pending_operations_are_listed_newest_first_by_keyset_and_leave_the_list_once_decided()
    {
        var (_, customerId, _) = await CustomerWithHistoryAsync(payments: 1);
        var (proposer, _) = await SupervisorAsync();
        using var approver = await app.ClientForAsync(RedressRoles.Supervisor);
        var compensation = $"/api/wallets/accounts/{await AccountIdAsync(proposer, customerId)}/compensation";
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await ProposeAsync(proposer, compensation, new { amount = 1m + i, currency = "CNY", reason = $"Goodwill {i}" }));
        }

        await CaseOkAsync(approver, $"/api/wallets/operations/{ids[1]}/reject", new { reason = "Duplicate" });
        var seen = new List<long>();
        string? cursor = null;
        do
        {
            var page = await approver.GetFromJsonAsync<JsonElement>($"/api/wallets/operations?state=pending&limit=2{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}", _ct);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.All(items, item => Assert.Equal("Pending", item.GetProperty("state").GetString()));
            seen.AddRange(items.Select(item => item.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && seen.Min() > ids[0]);

        Assert.Equal(seen.OrderDescending(), seen);
        Assert.Equal([ids[2], ids[0]], seen.Where(ids.Contains));
        await (await approver.GetAsync("/api/wallets/operations?state=paid", _ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "state");
        await (await approver.GetAsync("/api/wallets/operations?limit=0", _ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "limit");
        await (await approver.GetAsync("/api/wallets/operations/999999999", _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(null, 0.5, "CNY", "Refund agreed", "idempotencyKey")]
    [InlineData("k", 0, "CNY", "Refund agreed", "amount")]
    [InlineData("k", -1, "CNY", "Refund agreed", "amount")]
    [InlineData("k", 0.001, "CNY", "Refund agreed", "amount")]
    [InlineData("k", 0.5, "XYZ", "Refund agreed", "currency")]
    [InlineData("k", 0.5, "USD", "Refund agreed", "amount")]
    [InlineData("k", 1.01, "CNY", "Refund agreed", "amount")]
    [InlineData("k", 0.5, "CNY", "", "reason")]
    [InlineData("k", 0.5, "CNY", null, "reason")]
    public async Task Bad_refund_proposals_name_the_field_and_propose_nothing(string? key, double amount, string currency, string? reason, string field)
    {
        var (customer, _, references) = await CustomerWithHistoryAsync(payments: 1);
        using var supervisor = await app.ClientForAsync(RedressRoles.Supervisor);

        var response = await PostAsync(supervisor, $"/api/wallets/transactions/{references[1]}/refunds", key is null ? null : key + Guid.NewGuid().ToString("N"), new { amount = (decimal)amount, currency, reason });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        var pending = await supervisor.GetFromJsonAsync<JsonElement>("/api/wallets/operations?state=pending&limit=100", _ct);
        Assert.DoesNotContain(pending.GetProperty("items").EnumerateArray(), item => item.GetProperty("transactionReference").GetString() == references[1]);
        Assert.Equal(StartingBalance, await BalanceAsync(customer));
    }

    [Fact]
    public async Task Proposals_about_something_the_ledger_cannot_pay_are_refused_up_front()
    {
        var (_, customerId, references) = await CustomerWithHistoryAsync(payments: 1);
        using var supervisor = await app.ClientForAsync(RedressRoles.Supervisor);
        var accountId = await AccountIdAsync(supervisor, customerId);

        await (await PostAsync(supervisor, $"/api/wallets/accounts/{Guid.NewGuid()}/compensation", "k-" + Guid.NewGuid(), new { amount = 1m, currency = "CNY", reason = "Goodwill" })).AssertProblemAsync(HttpStatusCode.NotFound, "accountId");
        await (await PostAsync(supervisor, $"/api/wallets/accounts/{accountId}/compensation", "k-" + Guid.NewGuid(), new { amount = 1m, currency = "EUR", reason = "Goodwill" })).AssertProblemAsync(HttpStatusCode.BadRequest, "currency");
        await (await PostAsync(supervisor, $"/api/wallets/accounts/{accountId}/compensation", "k-" + Guid.NewGuid(), new { currency = "CNY", reason = "Goodwill" })).AssertProblemAsync(HttpStatusCode.BadRequest, "amount");
        await (await PostAsync(supervisor, $"/api/wallets/transactions/{references[1]}/fee-reversal", "k-" + Guid.NewGuid(), new { reason = "Not a fee" })).AssertProblemAsync(HttpStatusCode.BadRequest, "reference");
        await (await PostAsync(supervisor, "/api/wallets/transactions/TX2611250000000000/refunds", "k-" + Guid.NewGuid(), new { amount = 1m, currency = "CNY", reason = "Missing" })).AssertProblemAsync(HttpStatusCode.NotFound, "reference");
        await (await PostAsync(supervisor, $"/api/wallets/transactions/{references[0]}/refunds", "k-" + Guid.NewGuid(), new { amount = 1m, currency = "CNY", reason = "A top-up" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData(RedressRoles.Agent)]
    [InlineData(RedressRoles.Customer)]
    [InlineData(RedressRoles.Administrator)]
    public async Task Only_supervisors_may_propose_approve_or_freeze_over_http(string role)
    {
        var (customer, customerId, references) = await CustomerWithHistoryAsync(payments: 1);
        using var other = await app.ClientForAsync(role);
        var (supervisor, _) = await SupervisorAsync();
        var accountId = await AccountIdAsync(supervisor, customerId);
        var id = await ProposeAsync(supervisor, $"/api/wallets/transactions/{references[1]}/refunds", new { amount = 0.5m, currency = "CNY", reason = "Refund agreed" });

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(other, $"/api/wallets/transactions/{references[1]}/refunds", "k-" + Guid.NewGuid(), new { amount = 0.5m, currency = "CNY", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"/api/wallets/operations/{id}/approve", null, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/wallets/operations/{id}/reject", new { reason = "x" }, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/wallets/operations?state=pending", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(other, $"/api/wallets/accounts/{accountId}/freeze", "k-" + Guid.NewGuid(), new { reason = "x" })).StatusCode);
        Assert.Equal(StartingBalance, await BalanceAsync(customer));
        Assert.Equal("Pending", (await supervisor.GetFromJsonAsync<JsonElement>($"/api/wallets/operations/{id}", _ct)).GetProperty("state").GetString());

        var frozen = await PostAsync(supervisor, $"/api/wallets/accounts/{accountId}/freeze", "k-" + Guid.NewGuid(), new { reason = "Lost phone" });
        Assert.Equal("Frozen", (await frozen.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("status").GetString());
        await (await PostAsync(supervisor, $"/api/wallets/accounts/{Guid.NewGuid()}/freeze", "k-" + Guid.NewGuid(), new { reason = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>The balance of <see cref="CustomerWithHistoryAsync"/>'s wallet before any refund: 100.00 less one payment and the fee.</summary>
    private const long StartingBalance = 10_000 - 100 - 10;

    private async Task<long> BalanceAsync(HttpClient customer) =>
        (await customer.GetFromJsonAsync<JsonElement>("/api/wallet", _ct)).GetProperty("accounts")[0].GetProperty("balance").GetProperty("minorUnits").GetInt64();

    private async Task<(HttpClient Client, Guid UserId)> SupervisorAsync()
    {
        var client = await app.ClientForAsync(RedressRoles.Supervisor);
        return (client, (await client.GetFromJsonAsync<JsonElement>("/api/auth/me", _ct)).GetProperty("userId").GetGuid());
    }

    private async Task<Guid> AccountIdAsync(HttpClient staff, Guid customerId) =>
        (await staff.GetFromJsonAsync<JsonElement>($"/api/wallets/{customerId}", _ct)).GetProperty("accounts")[0].GetProperty("accountId").GetGuid();

    private async Task<long> ProposeAsync(HttpClient supervisor, string path, object body)
    {
        var response = await PostAsync(supervisor, path, "k-" + Guid.NewGuid(), body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(_ct));
        return (await response.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("id").GetInt64();
    }

    private async Task<JsonElement> CaseOkAsync(HttpClient client, string path, object? body)
    {
        var response = body is null ? await client.PostAsync(path, null, _ct) : await client.PostAsJsonAsync(path, body, _ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(_ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
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
