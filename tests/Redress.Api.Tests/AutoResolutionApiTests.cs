using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Redress.Complaints.Features;
using Redress.SharedKernel;
using Redress.SharedKernel.Security;
using Redress.Wallet.Features;

namespace Redress.Api.Tests;

/// <summary>
/// Automatic resolution with rules switched on for GB (all three, cap 500.00) and EU (failed-but-debited only), and
/// nothing configured for CN. The hosted worker is slowed to once an hour so that each test drives the passes itself.
/// </summary>
public abstract class AutoResolutionApiTests(RedressApp app)
{
    private const long StartingBalance = 50_000;
    private static readonly Currency s_gbp = Currency.From("GBP");

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_failed_but_debited_transfer_is_refunded_once_resolved_with_a_letter_and_explained_to_the_customer()
    {
        var customer = await CustomerAsync("GB", s_gbp);
        var failed = await FailedTransferAsync(customer.AccountId, 12_000);
        var number = await FileAsync(customer.Client, failed, 120.00m, "GBP");

        await RunWorkerAsync();

        Assert.Equal(StartingBalance, await BalanceAsync(customer.Client));
        var seen = await customer.Client.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct);
        Assert.Equal("Resolved", seen.GetProperty("stage").GetString());
        Assert.Equal("Upheld", seen.GetProperty("outcome").GetString());
        Assert.Equal("ClosedWithMonetaryRelief", seen.GetProperty("closureCode").GetString());
        Assert.Equal("FailedButDebited", seen.GetProperty("autoRule").GetString());
        var types = Types(seen);
        Assert.Contains("auto_resolution.applied", types);
        Assert.Contains("remedy.executed", types);
        Assert.Contains("complaint.resolved", types);
        Assert.Contains("final_response.issued", types);
        Assert.Equal("system", seen.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "auto_resolution.applied").GetProperty("actorRole").GetString());
        var explanation = seen.GetProperty("conversation").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "Resolution").GetProperty("body").GetString()!;
        Assert.Contains(failed, explanation, StringComparison.Ordinal);
        Assert.Contains("failed", explanation, StringComparison.Ordinal);
        Assert.Contains("120.00", explanation, StringComparison.Ordinal);
        var letter = await customer.Client.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}/final-response", _ct);
        Assert.StartsWith("en", letter.GetProperty("letter").GetProperty("culture").GetString(), StringComparison.Ordinal);

        using var agent = await app.ClientForAsync(RedressRoles.Agent, "GB", "en");
        var remedy = Assert.Single((await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}/remedies", _ct)).EnumerateArray());
        Assert.Equal("FailedButDebited", remedy.GetProperty("rule").GetString());
        Assert.Equal("Executed", remedy.GetProperty("status").GetString());
        Assert.Equal(failed, remedy.GetProperty("transactionReference").GetString());
        Assert.Equal(12_000, remedy.GetProperty("amount").GetProperty("minorUnits").GetInt64());
        Assert.Equal("AwaitingReview", (await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct)).GetProperty("autoDecision").GetString());
        Assert.Contains(number, await AwaitingReviewAsync(agent));

        await RunWorkerAsync();
        Assert.Equal(StartingBalance, await BalanceAsync(customer.Client));
        Assert.Single((await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}/remedies", _ct)).EnumerateArray());
    }

    [Fact]
    public async Task A_duplicate_charge_refunds_the_later_payment_only()
    {
        var customer = await CustomerAsync("GB", s_gbp);
        string first, second;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var operations = scope.ServiceProvider.GetRequiredService<WalletOperations>();
            first = (await operations.PayAsync(null, customer.AccountId, new Money(3_000, s_gbp), "Pret A Manger", _ct)).Value.Reference;
            second = (await operations.PayAsync(null, customer.AccountId, new Money(3_000, s_gbp), "Pret A Manger", _ct)).Value.Reference;
        }

        var number = await FileAsync(customer.Client, first, 30.00m, "GBP");

        await RunWorkerAsync();

        Assert.Equal(StartingBalance - 3_000, await BalanceAsync(customer.Client));
        using var agent = await app.ClientForAsync(RedressRoles.Agent, "GB", "en");
        var remedy = Assert.Single((await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}/remedies", _ct)).EnumerateArray());
        Assert.Equal("DuplicateCharge", remedy.GetProperty("rule").GetString());
        Assert.Equal(second, remedy.GetProperty("transactionReference").GetString());
        var refund = await customer.Client.GetFromJsonAsync<JsonElement>($"/api/wallet/transactions/{remedy.GetProperty("ledgerReference").GetString()}", _ct);
        Assert.Equal(second, refund.GetProperty("transaction").GetProperty("originalReference").GetString());
        Assert.Equal("Resolved", (await customer.Client.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct)).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task An_overdue_merchant_refund_is_settled_once_and_one_not_yet_due_is_left_to_people()
    {
        var customer = await CustomerAsync("GB", s_gbp);
        string overduePayment, overdueRefund, laterPayment;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var operations = scope.ServiceProvider.GetRequiredService<WalletOperations>();
            overduePayment = (await operations.PayAsync(null, customer.AccountId, new Money(8_900, s_gbp), "ASOS", _ct)).Value.Reference;
            overdueRefund = (await operations.PromiseMerchantRefundAsync(overduePayment, new Money(8_900, s_gbp), DateTimeOffset.UtcNow.AddDays(-2), _ct)).Value.Reference;
            laterPayment = (await operations.PayAsync(null, customer.AccountId, new Money(1_500, s_gbp), "Boots", _ct)).Value.Reference;
            await operations.PromiseMerchantRefundAsync(laterPayment, new Money(1_500, s_gbp), DateTimeOffset.UtcNow.AddDays(5), _ct);
        }

        var overdue = await FileAsync(customer.Client, overduePayment, 89.00m, "GBP");
        var notDue = await FileAsync(customer.Client, laterPayment, 15.00m, "GBP");

        await RunWorkerAsync();

        Assert.Equal(StartingBalance - 1_500, await BalanceAsync(customer.Client));
        var settled = await customer.Client.GetFromJsonAsync<JsonElement>($"/api/wallet/transactions/{overdueRefund}", _ct);
        Assert.Equal("Completed", settled.GetProperty("transaction").GetProperty("status").GetString());
        using var agent = await app.ClientForAsync(RedressRoles.Agent, "GB", "en");
        var remedy = Assert.Single((await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{overdue}/remedies", _ct)).EnumerateArray());
        Assert.Equal("SettleRefund", remedy.GetProperty("kind").GetString());
        Assert.Equal(overdueRefund, remedy.GetProperty("ledgerReference").GetString());
        Assert.Equal("Resolved", (await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{overdue}", _ct)).GetProperty("stage").GetString());

        var untouched = await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{notDue}", _ct);
        Assert.Equal("Received", untouched.GetProperty("stage").GetString());
        Assert.Contains("auto_resolution.checked", Types(untouched));
        Assert.DoesNotContain("auto_resolution.checked", Types(await customer.Client.GetFromJsonAsync<JsonElement>($"/api/complaints/{notDue}", _ct)));
        Assert.Empty((await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{notDue}/remedies", _ct)).EnumerateArray());
    }

    [Fact]
    public async Task Rules_are_off_by_default_and_per_jurisdiction()
    {
        var chinese = await CustomerAsync("CN", Currency.Cny, "zh-CN");
        var failed = await FailedTransferAsync(chinese.AccountId, 12_000, Currency.Cny);
        var unconfigured = await FileAsync(chinese.Client, failed, 120.00m, "CNY");
        var european = await CustomerAsync("EU", Currency.From("EUR"));
        string first;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var operations = scope.ServiceProvider.GetRequiredService<WalletOperations>();
            first = (await operations.PayAsync(null, european.AccountId, new Money(2_000, Currency.From("EUR")), "Carrefour", _ct)).Value.Reference;
            await operations.PayAsync(null, european.AccountId, new Money(2_000, Currency.From("EUR")), "Carrefour", _ct);
        }

        var duplicateOff = await FileAsync(european.Client, first, 20.00m, "EUR");

        await RunWorkerAsync();

        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        var cn = await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{unconfigured}", _ct);
        Assert.Equal("Received", cn.GetProperty("stage").GetString());
        Assert.DoesNotContain(Types(cn), t => t.StartsWith("auto_resolution.", StringComparison.Ordinal));
        Assert.Equal(StartingBalance - 12_000, await BalanceAsync(chinese.Client));
        var eu = await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{duplicateOff}", _ct);
        Assert.Equal("Received", eu.GetProperty("stage").GetString());
        Assert.Contains("auto_resolution.checked", Types(eu));
        Assert.Equal(StartingBalance - 4_000, await BalanceAsync(european.Client));
    }

    [Fact]
    public async Task A_rule_does_not_pay_above_the_cap_and_leaves_the_complaint_to_people()
    {
        var customer = await CustomerAsync("GB", s_gbp);
        var failed = await FailedTransferAsync(customer.AccountId, 30_001);
        var number = await FileAsync(customer.Client, failed, 300.01m, "GBP");

        await RunWorkerAsync();

        Assert.Equal(StartingBalance - 30_001, await BalanceAsync(customer.Client));
        using var agent = await app.ClientForAsync(RedressRoles.Agent, "GB", "en");
        var details = await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct);
        Assert.Equal("Received", details.GetProperty("stage").GetString());
        Assert.Contains("auto_resolution.checked", Types(details));
        Assert.Empty((await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}/remedies", _ct)).EnumerateArray());
        Assert.DoesNotContain(number, await AwaitingReviewAsync(agent));
    }

    [Fact]
    public async Task Two_workers_at_once_and_again_afterwards_pay_once_and_resolve_once()
    {
        var customer = await CustomerAsync("GB", s_gbp);
        var failed = await FailedTransferAsync(customer.AccountId, 7_500);
        var number = await FileAsync(customer.Client, failed, 75.00m, "GBP");

        await using (var one = app.Services.CreateAsyncScope())
        await using (var two = app.Services.CreateAsyncScope())
        {
            await Task.WhenAll(
                one.ServiceProvider.GetRequiredService<AutoResolver>().RunDueAsync(_ct),
                two.ServiceProvider.GetRequiredService<AutoResolver>().RunDueAsync(_ct));
        }

        await RunWorkerAsync();
        await RunWorkerAsync();

        Assert.Equal(StartingBalance, await BalanceAsync(customer.Client));
        using var agent = await app.ClientForAsync(RedressRoles.Agent, "GB", "en");
        Assert.Single((await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}/remedies", _ct)).EnumerateArray());
        var types = Types(await agent.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct));
        Assert.Equal(1, types.Count(t => t == "remedy.executed"));
        Assert.Equal(1, types.Count(t => t == "complaint.resolved"));
        Assert.Equal(1, types.Count(t => t == "final_response.issued"));
        Assert.Equal(1, types.Count(t => t == "auto_resolution.applied"));
    }

    [Fact]
    public async Task A_supervisor_confirms_an_automatic_decision_once_and_it_can_then_not_be_reversed()
    {
        var (customer, number) = await AutoResolvedAsync();
        using var supervisor = await app.ClientForAsync(RedressRoles.Supervisor, "GB", "en");
        var path = $"/api/complaints/{number}/automatic-decision";

        var confirmed = await CaseFiles.PostOkAsync(supervisor, $"{path}/confirm", null, _ct);

        Assert.Equal("Confirmed", confirmed.GetProperty("autoDecision").GetString());
        Assert.Contains("auto_resolution.confirmed", Types(confirmed));
        Assert.DoesNotContain(number, await AwaitingReviewAsync(supervisor));
        var again = await (await supervisor.PostAsync($"{path}/confirm", null, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("auto_decision_confirmed", again.GetProperty("code").GetString());
        await (await supervisor.PostAsJsonAsync($"{path}/reverse", new { reasons = "Second thoughts" }, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(StartingBalance, await BalanceAsync(customer));
    }

    [Fact]
    public async Task A_supervisor_reverses_an_automatic_decision_the_money_goes_back_once_and_people_take_over()
    {
        var (customer, number) = await AutoResolvedAsync();
        using var agent = await app.ClientForAsync(RedressRoles.Agent, "GB", "en");
        using var supervisor = await app.ClientForAsync(RedressRoles.Supervisor, "GB", "en");
        var path = $"/api/complaints/{number}/automatic-decision";

        var byAgent = await (await agent.PostAsJsonAsync($"{path}/reverse", new { reasons = "Looks wrong" }, _ct)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("auto_review_needs_supervisor", byAgent.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.PostAsJsonAsync($"{path}/reverse", new { reasons = "x" }, _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync($"{path}/confirm", null, _ct)).StatusCode);
        await (await supervisor.PostAsJsonAsync($"{path}/reverse", new { reasons = " " }, _ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "reasons");
        var bell = await (await supervisor.PostAsJsonAsync($"{path}/reverse", new { reasons = "Delivered \u0007 after all" }, _ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "reasons");
        Assert.Contains("control characters", bell.GetProperty("errors").GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(StartingBalance, await BalanceAsync(customer));

        var reversed = await CaseFiles.PostOkAsync(supervisor, $"{path}/reverse", new { reasons = "The transfer was in fact delivered; the bank confirmed it late." }, _ct);

        Assert.Equal(StartingBalance - 12_000, await BalanceAsync(customer));
        Assert.Equal("Reversed", reversed.GetProperty("autoDecision").GetString());
        // Money taken back is never taken silently: the customer is told, in the app (and by email), once.
        var told = await Eventually.WaitForAsync(async () =>
            (await customer.GetFromJsonAsync<JsonElement>("/api/inbox", _ct)).GetProperty("items").EnumerateArray()
                .Where(i => i.GetProperty("complaintNumber").GetString() == number && i.GetProperty("eventType").GetString() == "complaint.auto_decision_reversed")
                .ToList() is { Count: > 0 } found ? found : null);
        Assert.Contains("120.00", Assert.Single(told).GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("Investigating", reversed.GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Null, reversed.GetProperty("outcome").ValueKind);
        var remedy = Assert.Single((await supervisor.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}/remedies", _ct)).EnumerateArray());
        Assert.Equal("Reversed", remedy.GetProperty("status").GetString());
        var reversal = remedy.GetProperty("reversalReference").GetString()!;
        var posting = await customer.GetFromJsonAsync<JsonElement>($"/api/wallet/transactions/{reversal}", _ct);
        Assert.Equal("Reversal", posting.GetProperty("transaction").GetProperty("type").GetString());
        Assert.Contains("auto_resolution.reversed", Types(await customer.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct)));
        Assert.DoesNotContain(number, await AwaitingReviewAsync(supervisor));

        var twice = await (await supervisor.PostAsJsonAsync($"{path}/reverse", new { reasons = "Again" }, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("auto_decision_reversed", twice.GetProperty("code").GetString());
        await (await supervisor.PostAsync($"{path}/confirm", null, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(StartingBalance - 12_000, await BalanceAsync(customer));

        var byHand = await CaseFiles.PostOkAsync(
            agent, $"/api/complaints/{number}/resolve", new { outcome = "NotUpheld", closureCode = "ClosedWithExplanation", reasons = "The transfer reached the payee." }, _ct);
        Assert.Equal("Resolved", byHand.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_reversal_whose_answer_the_ledger_loses_is_a_503_and_the_retry_takes_the_money_back_once()
    {
        var (customer, number) = await AutoResolvedAsync();
        using var supervisor = await app.ClientForAsync(RedressRoles.Supervisor, "GB", "en");
        var path = $"/api/complaints/{number}/automatic-decision";
        var failure = new OneLedgerFailure(payFirst: true);
        await using var flakyHost = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(failure.Decorate));
        using var flakySupervisor = flakyHost.CreateClient();
        flakySupervisor.DefaultRequestHeaders.Authorization = supervisor.DefaultRequestHeaders.Authorization;

        var lost = await (await flakySupervisor.PostAsJsonAsync($"{path}/reverse", new { reasons = "Delivered after all." }, _ct)).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Equal("auto_reversal_ledger_unavailable", lost.GetProperty("code").GetString());
        Assert.Equal(1, failure.Thrown);
        // The ledger did reverse, but the decision is still awaiting review: nothing here claims more than it knows.
        Assert.Equal(StartingBalance - 12_000, await BalanceAsync(customer));
        Assert.Equal("AwaitingReview", (await supervisor.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct)).GetProperty("autoDecision").GetString());

        var retried = await CaseFiles.PostOkAsync(supervisor, $"{path}/reverse", new { reasons = "Delivered after all." }, _ct);

        Assert.Equal("Reversed", retried.GetProperty("autoDecision").GetString());
        Assert.Equal(StartingBalance - 12_000, await BalanceAsync(customer));
    }

    [Fact]
    public async Task Supervisors_see_the_decision_on_the_complaint_page_and_in_the_review_queue_page()
    {
        var (_, number) = await AutoResolvedAsync();
        using var supervisor = await app.ClientForAsync(RedressRoles.Supervisor, "GB", "en");

        var page = await supervisor.GetStringAsync($"/complaints/{number}", _ct);
        var queue = await supervisor.GetStringAsync("/staff/automatic-decisions", _ct);

        Assert.Contains("data-auto-decision=\"AwaitingReview\"", page, StringComparison.Ordinal);
        Assert.Contains("auto-decision-reverse", page, StringComparison.Ordinal);
        Assert.Contains($"data-auto-decision=\"{number}\"", queue, StringComparison.Ordinal);
    }

    private async Task<(HttpClient Customer, string Number)> AutoResolvedAsync()
    {
        var customer = await CustomerAsync("GB", s_gbp);
        var failed = await FailedTransferAsync(customer.AccountId, 12_000);
        var number = await FileAsync(customer.Client, failed, 120.00m, "GBP");
        await RunWorkerAsync();
        Assert.Equal(StartingBalance, await BalanceAsync(customer.Client));
        return (customer.Client, number);
    }

    private async Task RunWorkerAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AutoResolver>().RunDueAsync(_ct);
    }

    private async Task<List<string>> AwaitingReviewAsync(HttpClient staff)
    {
        var page = await staff.GetFromJsonAsync<JsonElement>("/api/staff/automatic-decisions?limit=100", _ct);
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("complaint").GetProperty("number").GetString()!)];
    }

    private async Task<(HttpClient Client, Guid AccountId)> CustomerAsync(string jurisdiction, Currency currency, string culture = "en")
    {
        var client = await app.ClientForAsync(RedressRoles.Customer, jurisdiction, culture);
        var customerId = (await client.GetFromJsonAsync<JsonElement>("/api/wallet", _ct)).GetProperty("customerId").GetGuid();
        await using var scope = app.Services.CreateAsyncScope();
        var operations = scope.ServiceProvider.GetRequiredService<WalletOperations>();
        var wallet = await operations.OpenWalletAsync(customerId, currency, _ct);
        await operations.TopUpAsync(null, wallet.Id, new Money(StartingBalance, currency), _ct);
        return (client, wallet.Id);
    }

    private async Task<string> FailedTransferAsync(Guid accountId, long minorUnits, Currency? currency = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var operations = scope.ServiceProvider.GetRequiredService<WalletOperations>();
        var money = currency ?? s_gbp;
        var failed = await operations.TransferFailedAfterDebitAsync(accountId, new Money(minorUnits, money), "Alex Smith", "Recipient's bank rejected the transfer", _ct);
        Assert.True(failed.IsSuccess);
        return failed.Value.Reference;
    }

    private async Task<string> FileAsync(HttpClient customer, string reference, decimal amount, string currency)
    {
        var response = await customer.PostAsJsonAsync(
            "/api/complaints",
            new
            {
                category = "TransactionFailure",
                description = "The money left my wallet but the transfer never arrived.",
                occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1),
                transactionReference = reference,
                amount,
                currency,
                desiredOutcome = "Give me my money back",
            },
            _ct);
        return (await CaseFiles.OkJsonAsync(response, _ct)).GetProperty("number").GetString()!;
    }

    private async Task<long> BalanceAsync(HttpClient customer) =>
        (await customer.GetFromJsonAsync<JsonElement>("/api/wallet", _ct)).GetProperty("accounts")[0].GetProperty("balance").GetProperty("minorUnits").GetInt64();

    private static List<string> Types(JsonElement details) =>
        [.. details.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()!)];
}

/// <summary>The rule switches these tests run under; everything else is as in the shared apps.</summary>
internal static class AutoResolutionSettings
{
    public static void Apply(IWebHostBuilder builder)
    {
        builder.UseSetting("Complaints:AutoResolution:PollInterval", "01:00:00");
        builder.UseSetting("Complaints:AutoResolution:Jurisdictions:GB:FailedButDebited", "true");
        builder.UseSetting("Complaints:AutoResolution:Jurisdictions:GB:DuplicateCharge", "true");
        builder.UseSetting("Complaints:AutoResolution:Jurisdictions:GB:OverdueMerchantRefund", "true");
        builder.UseSetting("Complaints:AutoResolution:Jurisdictions:GB:MaxAmountMinorUnits", "30000");
        builder.UseSetting("Complaints:AutoResolution:Jurisdictions:EU:FailedButDebited", "true");
        // Remedies the worker resumes belong to the tests here, not to the shared worker's timing.
        builder.UseSetting("Complaints:Remedies:WorkerInterval", "01:00:00");
    }
}

public sealed class AutoResolutionSqliteApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        AutoResolutionSettings.Apply(builder);
    }
}

public sealed class AutoResolutionPostgresApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        AutoResolutionSettings.Apply(builder);
    }
}

public sealed class AutoResolutionApiOnSqlite(AutoResolutionSqliteApp app) : AutoResolutionApiTests(app), IClassFixture<AutoResolutionSqliteApp>;

public sealed class AutoResolutionApiOnPostgres(AutoResolutionPostgresApp app) : AutoResolutionApiTests(app), IClassFixture<AutoResolutionPostgresApp>;
