using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Redress.Complaints.Features;
using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;
using Redress.SharedKernel.Security;
using Redress.Wallet.Features;

namespace Redress.Api.Tests;

public abstract class RemedyApiTests(RedressApp app)
{
    private const long StartingBalance = 50_000 - 20_000 - 20_000 - 10;

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_investigation_confirms_the_claim_and_finds_the_double_charge_and_the_fee_for_staff_only()
    {
        var customer = await CustomerAsync();
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        var number = await FileAsync(customer.Client, customer.Payment, 200.00m);
        var path = $"/api/complaints/{number}/investigation";

        var report = await agent.GetFromJsonAsync<JsonElement>(path, _ct);

        Assert.Equal(customer.Payment, report.GetProperty("match").GetProperty("reference").GetString());
        Assert.True(report.GetProperty("amountMatches").GetBoolean());
        Assert.True(report.GetProperty("timeMatches").GetBoolean());
        var findings = report.GetProperty("findings").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Equal(["transaction_found", "amount_matches", "time_matches", "completed", "fees_charged", "likely_duplicates"], findings);
        Assert.Equal([customer.Twin], report.GetProperty("likelyDuplicates").EnumerateArray().Select(t => t.GetProperty("reference").GetString()));
        Assert.Equal([customer.Fee], report.GetProperty("fees").EnumerateArray().Select(t => t.GetProperty("reference").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Client.GetAsync(path, _ct)).StatusCode);

        await CaseFiles.PostOkAsync(agent, path, null, _ct);
        var staffView = await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct);
        var customerView = await customer.Client.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct);
        Assert.Contains("complaint.investigated", Types(staffView));
        Assert.DoesNotContain("complaint.investigated", Types(customerView));
    }

    [Fact]
    public async Task Another_customers_transaction_is_reported_as_not_found_and_never_shown()
    {
        var owner = await CustomerAsync();
        var other = await CustomerAsync();
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        var number = await FileAsync(other.Client, owner.Payment, 200.00m);

        var report = await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}/investigation", _ct);

        Assert.Equal(JsonValueKind.Null, report.GetProperty("match").ValueKind);
        Assert.Contains("transaction_not_found", report.GetProperty("findings").EnumerateArray().Select(f => f.GetString()));
        var shown = report.GetProperty("nearby").EnumerateArray().Select(t => t.GetProperty("reference").GetString()).ToList();
        Assert.DoesNotContain(owner.Payment, shown);
        Assert.DoesNotContain(owner.Twin, shown);
        await (await agent.PostAsJsonAsync($"/api/complaints/{number}/remedies", new { kind = "Refund", transactionReference = owner.Payment, amount = 1m, currency = "CNY", reason = "x" }, _ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "transactionReference");
        Assert.Equal(StartingBalance, await BalanceAsync(owner.Client));
    }

    [Fact]
    public async Task A_refund_above_the_threshold_needs_another_supervisor_and_pays_once()
    {
        var customer = await CustomerAsync();
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        using var supervisor = await app.ClientForAsync(RedressRoles.Supervisor);
        var number = await FileAsync(customer.Client, customer.Twin, 200.00m);
        var path = $"/api/complaints/{number}/remedies";

        var proposed = await CaseFiles.PostOkAsync(agent, path, new { kind = "Refund", transactionReference = customer.Twin, amount = 200.00m, currency = "CNY", reason = "Charged twice" }, _ct);
        Assert.Equal("Proposed", proposed.GetProperty("status").GetString());
        Assert.Empty((await customer.Client.GetFromJsonAsync<JsonElement>(path, _ct)).EnumerateArray());
        Assert.True(proposed.GetProperty("requiresApproval").GetBoolean());
        var remedy = $"{path}/{proposed.GetProperty("id").GetGuid()}";

        await (await agent.PostAsync($"{remedy}/execute", null, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await agent.PostAsync($"{remedy}/approve", null, _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(StartingBalance, await BalanceAsync(customer.Client));

        Assert.Equal("Approved", (await CaseFiles.PostOkAsync(supervisor, $"{remedy}/approve", null, _ct)).GetProperty("status").GetString());
        var executed = await CaseFiles.PostOkAsync(agent, $"{remedy}/execute", null, _ct);
        await (await agent.PostAsync($"{remedy}/execute", null, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("Executed", executed.GetProperty("status").GetString());
        Assert.Equal(StartingBalance + 20_000, await BalanceAsync(customer.Client));
        var seen = Assert.Single((await customer.Client.GetFromJsonAsync<JsonElement>(path, _ct)).EnumerateArray());
        Assert.Equal(executed.GetProperty("ledgerReference").GetString(), seen.GetProperty("ledgerReference").GetString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("proposedById").ValueKind);
        var timeline = Types(await customer.Client.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct));
        Assert.Contains("remedy.executed", timeline);
        Assert.DoesNotContain("remedy.proposed", timeline);
        Assert.Equal(
            ["remedy.proposed", "remedy.approved", "remedy.requested", "remedy.executed"],
            Types(await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct)).Where(t => t.StartsWith("remedy.", StringComparison.Ordinal)));

        var complaint = $"/api/complaints/{number}";
        await CaseFiles.PostOkAsync(agent, $"{complaint}/acknowledge", null, _ct);
        await CaseFiles.PostOkAsync(agent, $"{complaint}/triage", new { category = "TransactionFailure", priority = "High" }, _ct);
        await CaseFiles.PostOkAsync(agent, $"{complaint}/investigate", null, _ct);
        await (await agent.PostAsJsonAsync($"{complaint}/resolve", new { outcome = "Upheld", closureCode = "ClosedWithExplanation", reasons = "Refunded." }, _ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "closureCode");
        var resolved = await CaseFiles.PostOkAsync(agent, $"{complaint}/resolve", new { outcome = "Upheld", closureCode = "ClosedWithMonetaryRelief", reasons = "Refunded." }, _ct);
        Assert.Equal("ClosedWithMonetaryRelief", resolved.GetProperty("closureCode").GetString());
        await (await agent.PostAsJsonAsync(path, new { kind = "Compensation", amount = 5m, currency = "CNY", reason = "Late" }, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(StartingBalance + 20_000, await BalanceAsync(customer.Client));
    }

    [Fact]
    public async Task A_supervisor_cannot_approve_their_own_proposal()
    {
        var customer = await CustomerAsync();
        using var supervisor = await app.ClientForAsync(RedressRoles.Supervisor);
        var number = await FileAsync(customer.Client, customer.Payment, 200.00m);

        var proposed = await CaseFiles.PostOkAsync(supervisor, $"/api/complaints/{number}/remedies", new { kind = "Compensation", amount = 150m, currency = "CNY", reason = "Trouble caused" }, _ct);
        var refused = await (await supervisor.PostAsync($"/api/complaints/{number}/remedies/{proposed.GetProperty("id").GetGuid()}/approve", null, _ct))
            .AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("remedy_approver_is_proposer", refused.GetProperty("code").GetString());
        Assert.Equal(StartingBalance, await BalanceAsync(customer.Client));
    }

    [Fact]
    public async Task An_execution_interrupted_after_the_ledger_paid_is_resumed_without_paying_twice()
    {
        var customer = await CustomerAsync();
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        var number = await FileAsync(customer.Client, customer.Payment, 200.00m);
        var proposed = await CaseFiles.PostOkAsync(agent, $"/api/complaints/{number}/remedies", new { kind = "Refund", transactionReference = customer.Payment, amount = 50m, currency = "CNY", reason = "Partial refund" }, _ct);
        var remedyId = proposed.GetProperty("id").GetGuid();
        var staff = new Actor(Guid.NewGuid(), new HashSet<string> { RedressRoles.Agent }, "CN", "zh-CN");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var crashing = new CrashAfterLedger(scope.ServiceProvider.GetRequiredService<ILedger>());
            var executor = ActivatorUtilities.CreateInstance<RemedyExecutor>(scope.ServiceProvider, crashing);
            var interrupted = await executor.ExecuteAsync(staff, number, remedyId, _ct);
            Assert.Equal(ErrorKind.Unavailable, interrupted.Error?.Kind);
            Assert.NotNull(crashing.Paid);
        }

        var executing = Assert.Single((await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}/remedies", _ct)).EnumerateArray());
        Assert.Equal("Executing", executing.GetProperty("status").GetString());
        Assert.Equal(StartingBalance + 5_000, await BalanceAsync(customer.Client));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var resumed = await scope.ServiceProvider.GetRequiredService<RemedyExecutor>().ResumeAsync(DateTimeOffset.UtcNow.AddHours(1), _ct);
            Assert.True(resumed >= 1);
        }

        var done = Assert.Single((await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}/remedies", _ct)).EnumerateArray());
        Assert.Equal("Executed", done.GetProperty("status").GetString());
        Assert.Equal(StartingBalance + 5_000, await BalanceAsync(customer.Client));
        var details = await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct);
        Assert.Equal(1, Types(details).Count(t => t == "remedy.requested"));
        Assert.Equal(1, Types(details).Count(t => t == "remedy.executed"));
        await (await agent.PostAsync($"/api/complaints/{number}/remedies/{remedyId}/execute", null, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(StartingBalance + 5_000, await BalanceAsync(customer.Client));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_ledger_that_throws_during_execution_gives_503_and_the_worker_pays_exactly_once_later(bool paidBeforeThrowing)
    {
        var customer = await CustomerAsync();
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        var number = await FileAsync(customer.Client, customer.Payment, 200.00m);
        var path = $"/api/complaints/{number}/remedies";
        var proposed = await CaseFiles.PostOkAsync(agent, path, new { kind = "Refund", transactionReference = customer.Payment, amount = 50m, currency = "CNY", reason = "Partial refund" }, _ct);
        var remedyId = proposed.GetProperty("id").GetGuid();
        var failure = new OneLedgerFailure(paidBeforeThrowing);
        await using var flakyHost = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(failure.Decorate));
        using var flakyAgent = flakyHost.CreateClient();
        flakyAgent.DefaultRequestHeaders.Authorization = agent.DefaultRequestHeaders.Authorization;

        var problem = await (await flakyAgent.PostAsync($"{path}/{remedyId}/execute", null, _ct)).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Equal("remedy_ledger_unavailable", problem.GetProperty("code").GetString());
        Assert.Equal(1, failure.Thrown);
        var waiting = Assert.Single((await agent.GetFromJsonAsync<JsonElement>(path, _ct)).EnumerateArray());
        Assert.Equal("Executing", waiting.GetProperty("status").GetString());
        Assert.Equal(StartingBalance + (paidBeforeThrowing ? 5_000 : 0), await BalanceAsync(customer.Client));

        await using (var scope = flakyHost.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<RemedyExecutor>().ResumeAsync(DateTimeOffset.UtcNow.AddHours(1), _ct) >= 1);
        }

        var done = Assert.Single((await agent.GetFromJsonAsync<JsonElement>(path, _ct)).EnumerateArray());
        Assert.Equal("Executed", done.GetProperty("status").GetString());
        Assert.Equal(StartingBalance + 5_000, await BalanceAsync(customer.Client));
        var timeline = Types(await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct));
        Assert.Equal(1, timeline.Count(t => t == "remedy.requested"));
        Assert.Equal(1, timeline.Count(t => t == "remedy.executed"));
        await (await flakyAgent.PostAsync($"{path}/{remedyId}/execute", null, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(StartingBalance + 5_000, await BalanceAsync(customer.Client));
        Assert.Equal(1, failure.Thrown);
    }

    [Theory]
    [InlineData("Refund", 200.01, "CNY", "amount")]
    [InlineData("Refund", 0, "CNY", "amount")]
    [InlineData("Refund", -5, "CNY", "amount")]
    [InlineData("Refund", 0.001, "CNY", "amount")]
    [InlineData("Refund", 10, "USD", "currency")]
    [InlineData("Compensation", 10, "XYZ", "currency")]
    [InlineData("Compensation", 10, "USD", "currency")]
    [InlineData("Gift", 10, "CNY", "kind")]
    [InlineData("FeeReversal", 10, "CNY", "transactionReference")]
    public async Task Bad_remedies_name_the_field_and_move_no_money(string kind, double amount, string currency, string field)
    {
        var customer = await CustomerAsync();
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        var number = await FileAsync(customer.Client, customer.Payment, 200.00m);

        var response = await agent.PostAsJsonAsync(
            $"/api/complaints/{number}/remedies", new { kind, transactionReference = customer.Payment, amount = (decimal)amount, currency, reason = "Test" }, _ct);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Empty((await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}/remedies", _ct)).EnumerateArray());
        Assert.Equal(StartingBalance, await BalanceAsync(customer.Client));
    }

    [Fact]
    public async Task Earlier_refunds_and_open_proposals_count_against_the_original_and_unknown_transactions_are_refused()
    {
        var customer = await CustomerAsync();
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        var number = await FileAsync(customer.Client, customer.Payment, 200.00m);
        var path = $"/api/complaints/{number}/remedies";

        await CaseFiles.PostOkAsync(agent, path, new { kind = "Refund", transactionReference = customer.Payment, amount = 60m, currency = "CNY", reason = "First part" }, _ct);
        await (await agent.PostAsJsonAsync(path, new { kind = "Refund", transactionReference = customer.Payment, amount = 140.01m, currency = "CNY", reason = "Too much" }, _ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "amount");
        await (await agent.PostAsJsonAsync(path, new { kind = "Refund", transactionReference = "TX2611250000000000", amount = 1m, currency = "CNY", reason = "Unknown" }, _ct))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "transactionReference");
        await CaseFiles.PostOkAsync(agent, path, new { kind = "Refund", transactionReference = customer.Payment, amount = 140m, currency = "CNY", reason = "The rest" }, _ct);
        Assert.Equal(StartingBalance, await BalanceAsync(customer.Client));
    }

    [Fact]
    public async Task No_remedy_is_proposed_on_a_withdrawn_complaint()
    {
        var customer = await CustomerAsync();
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        var number = await FileAsync(customer.Client, customer.Payment, 200.00m);
        await CaseFiles.PostOkAsync(customer.Client, $"/api/complaints/{number}/withdraw", null, _ct);

        var refused = await (await agent.PostAsJsonAsync($"/api/complaints/{number}/remedies", new { kind = "Compensation", amount = 5m, currency = "CNY", reason = "Sorry" }, _ct))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("remedy_complaint_closed", refused.GetProperty("code").GetString());
        Assert.Equal(StartingBalance, await BalanceAsync(customer.Client));
    }

    [Fact]
    public async Task An_account_security_complaint_freezes_the_wallet_so_debits_are_refused_until_staff_unfreeze_it()
    {
        var customer = await CustomerAsync();
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        var filed = await CaseFiles.OkJsonAsync(
            await customer.Client.PostAsJsonAsync(
                "/api/complaints",
                new { category = "AccountSecurity", description = "有人盗用了我的账户并登录了陌生设备。", occurredAt = DateTimeOffset.UtcNow.AddMinutes(-5), desiredOutcome = "请立即冻结我的钱包", freezeWallet = true },
                _ct),
            _ct);
        var number = filed.GetProperty("number").GetString()!;
        Assert.Contains("wallet.frozen", Types(filed));

        var customerId = (await customer.Client.GetFromJsonAsync<JsonElement>("/api/wallet", _ct)).GetProperty("customerId").GetGuid();
        Assert.Equal("Frozen", (await customer.Client.GetFromJsonAsync<JsonElement>("/api/wallet", _ct)).GetProperty("accounts")[0].GetProperty("status").GetString());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var operations = scope.ServiceProvider.GetRequiredService<WalletOperations>();
            var wallet = await operations.OpenWalletAsync(customerId, Currency.Cny, _ct);
            Assert.False((await operations.PayAsync(null, wallet.Id, new Money(100, Currency.Cny), "陌生商户", _ct)).IsSuccess);
        }

        Assert.Equal(StartingBalance, await BalanceAsync(customer.Client));
        var unfrozen = await CaseFiles.PostOkAsync(agent, $"/api/complaints/{number}/wallet/unfreeze", null, _ct);
        Assert.Contains("wallet.unfrozen", Types(unfrozen));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var operations = scope.ServiceProvider.GetRequiredService<WalletOperations>();
            var wallet = await operations.OpenWalletAsync(customerId, Currency.Cny, _ct);
            Assert.True((await operations.PayAsync(null, wallet.Id, new Money(100, Currency.Cny), "瑞幸咖啡", _ct)).IsSuccess);
        }

        Assert.Equal(StartingBalance - 100, await BalanceAsync(customer.Client));
        await CaseFiles.PostOkAsync(agent, $"/api/complaints/{number}/wallet/freeze", null, _ct);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Client.PostAsync($"/api/complaints/{number}/wallet/unfreeze", null, _ct)).StatusCode);
        Assert.Equal("Frozen", (await customer.Client.GetFromJsonAsync<JsonElement>("/api/wallet", _ct)).GetProperty("accounts")[0].GetProperty("status").GetString());
    }

    private static List<string> Types(JsonElement details) =>
        [.. details.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()!)];

    private async Task<long> BalanceAsync(HttpClient customer) =>
        (await customer.GetFromJsonAsync<JsonElement>("/api/wallet", _ct)).GetProperty("accounts")[0].GetProperty("balance").GetProperty("minorUnits").GetInt64();

    private async Task<string> FileAsync(HttpClient customer, string reference, decimal amount)
    {
        var response = await customer.PostAsJsonAsync(
            "/api/complaints",
            new
            {
                category = "TransactionFailure",
                description = "同一笔咖啡被扣了两次钱。",
                occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1),
                transactionReference = reference,
                amount,
                currency = "CNY",
                desiredOutcome = "请退回重复扣款",
            },
            _ct);
        return (await CaseFiles.OkJsonAsync(response, _ct)).GetProperty("number").GetString()!;
    }

    /// <summary>A customer with a top-up of 500.00, two payments of 200.00 to one merchant moments apart, and a fee of 0.10.</summary>
    private async Task<(HttpClient Client, string Payment, string Twin, string Fee)> CustomerAsync()
    {
        var client = await app.ClientForAsync(RedressRoles.Customer);
        var customerId = (await client.GetFromJsonAsync<JsonElement>("/api/wallet", _ct)).GetProperty("customerId").GetGuid();
        await using var scope = app.Services.CreateAsyncScope();
        var operations = scope.ServiceProvider.GetRequiredService<WalletOperations>();
        var wallet = await operations.OpenWalletAsync(customerId, Currency.Cny, _ct);
        await operations.TopUpAsync(null, wallet.Id, new Money(50_000, Currency.Cny), _ct);
        var payment = (await operations.PayAsync(null, wallet.Id, new Money(20_000, Currency.Cny), "瑞幸咖啡", _ct)).Value.Reference;
        var twin = (await operations.PayAsync(null, wallet.Id, new Money(20_000, Currency.Cny), "瑞幸咖啡", _ct)).Value.Reference;
        var fee = (await operations.ChargeFeeAsync(null, wallet.Id, new Money(10, Currency.Cny), "手续费", _ct)).Value.Reference;
        return (client, payment, twin, fee);
    }

    /// <summary>The ledger pays, then the process "dies" before the confirmation is stored.</summary>
    private sealed class CrashAfterLedger(ILedger inner) : ILedger
    {
        public LedgerTransaction? Paid { get; private set; }

        public Task<Result<Page<LedgerTransaction>>> HistoryAsync(HistoryQuery query, CancellationToken cancellationToken) => inner.HistoryAsync(query, cancellationToken);

        public Task<Result<LedgerTransaction>> FindAsync(string reference, CancellationToken cancellationToken) => inner.FindAsync(reference, cancellationToken);

        public Task<IReadOnlyList<LedgerAccount>> AccountsOfAsync(Guid customerId, CancellationToken cancellationToken) => inner.AccountsOfAsync(customerId, cancellationToken);

        public async Task<Result<LedgerTransaction>> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
        {
            Paid = (await inner.RefundAsync(request, cancellationToken)).Value;
            throw new IOException("Connection lost after the ledger answered.");
        }

        public Task<Result<LedgerTransaction>> CreditCompensationAsync(CompensationRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Result<LedgerTransaction>> ReverseFeeAsync(FeeReversalRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Result<LedgerTransaction>> SettlePendingRefundAsync(SettleRefundRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Result<LedgerTransaction>> ReverseAsync(ReversalRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Result<LedgerAccount>> FreezeAsync(AccountStatusRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Result<LedgerAccount>> UnfreezeAsync(AccountStatusRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}

public sealed class RemedyApiOnSqlite(SqliteApp app) : RemedyApiTests(app);

public sealed class RemedyApiOnPostgres(PostgresApp app) : RemedyApiTests(app);
