using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Redress.SharedKernel.Security;

namespace Redress.Api.Tests;

public abstract class ComplaintApiTests(RedressApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_customer_files_a_complaint_and_sees_it_with_its_timeline()
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer);

        var filed = await customer.PostAsJsonAsync("/api/complaints", ValidComplaint(), _ct);

        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var created = await filed.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var number = created.GetProperty("number").GetString()!;
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$", number);
        Assert.Equal($"/api/complaints/{number}", filed.Headers.Location?.OriginalString);

        var read = await customer.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct);
        Assert.Equal("Received", read.GetProperty("stage").GetString());
        Assert.Equal("Operator", read.GetProperty("waitingOn").GetString());
        Assert.Equal(12050, read.GetProperty("amount").GetProperty("minorUnits").GetInt64());
        Assert.Equal("CNY", read.GetProperty("amount").GetProperty("currency").GetString());
        var entry = Assert.Single(read.GetProperty("timeline").EnumerateArray());
        Assert.Equal("complaint.received", entry.GetProperty("type").GetString());

        var mine = await customer.GetFromJsonAsync<JsonElement>("/api/complaints/mine", _ct);
        Assert.Equal([number], mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()));
    }

    [Fact]
    public async Task Another_customer_gets_not_found_and_a_stranger_gets_unauthorized()
    {
        using var owner = await app.ClientForAsync(RedressRoles.Customer);
        using var other = await app.ClientForAsync(RedressRoles.Customer);
        using var anonymous = app.CreateClient();
        var number = await FileAsync(owner);

        await (await other.GetAsync($"/api/complaints/{number}", _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/complaints/{number}", _ct)).StatusCode);
        var othersList = await other.GetFromJsonAsync<JsonElement>("/api/complaints/mine", _ct);
        Assert.Empty(othersList.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_not_found_answer_for_someone_elses_complaint_is_the_same_as_for_no_complaint()
    {
        using var owner = await app.ClientForAsync(RedressRoles.Customer);
        using var other = await app.ClientForAsync(RedressRoles.Customer);
        var number = await FileAsync(owner);

        var hidden = await (await other.GetAsync($"/api/complaints/{number}", _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        var missing = await (await other.GetAsync("/api/complaints/0000-0000-0", _ct)).AssertProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(missing.GetProperty("detail").GetString(), hidden.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(RedressRoles.Agent, HttpStatusCode.OK)]
    [InlineData(RedressRoles.Supervisor, HttpStatusCode.OK)]
    [InlineData(RedressRoles.ComplianceOfficer, HttpStatusCode.OK)]
    [InlineData(RedressRoles.Administrator, HttpStatusCode.NotFound)]
    public async Task Case_workers_read_any_complaint_and_administrators_do_not(string role, HttpStatusCode expected)
    {
        using var owner = await app.ClientForAsync(RedressRoles.Customer);
        using var staff = await app.ClientForAsync(role);
        var number = await FileAsync(owner);

        Assert.Equal(expected, (await staff.GetAsync($"/api/complaints/{number}", _ct)).StatusCode);
    }

    [Theory]
    [InlineData(RedressRoles.Customer, HttpStatusCode.Forbidden)]
    [InlineData(RedressRoles.Administrator, HttpStatusCode.Forbidden)]
    [InlineData(RedressRoles.Agent, HttpStatusCode.OK)]
    public async Task Only_case_workers_list_all_complaints(string role, HttpStatusCode expected)
    {
        using var client = await app.ClientForAsync(role);
        Assert.Equal(expected, (await client.GetAsync("/api/complaints", _ct)).StatusCode);
    }

    [Fact]
    public async Task Staff_never_file_complaints_as_customers()
    {
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/complaints", ValidComplaint(), _ct)).StatusCode);
    }

    [Fact]
    public async Task Staff_page_through_a_filtered_list_newest_first_without_gaps_or_repeats()
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer);
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        var mine = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            mine.Add(await FileAsync(customer, ValidComplaint() with { Category = "CustomerService" }));
        }

        await FileAsync(customer, ValidComplaint() with { Category = "Fees" });

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var url = "/api/complaints?category=customerservice&stage=Received&limit=2" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await agent.GetFromJsonAsync<JsonElement>(url, _ct);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count <= 2);
            Assert.All(items, item => Assert.Equal("CustomerService", item.GetProperty("category").GetString()));
            seen.AddRange(items.Select(item => item.GetProperty("number").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
        var ours = seen.Where(mine.Contains).ToList();
        mine.Reverse();
        Assert.Equal(mine, ours);
    }

    [Theory]
    [InlineData("/api/complaints?stage=Pending", "stage")]
    [InlineData("/api/complaints?category=Refunds", "category")]
    [InlineData("/api/complaints?cursor=bm90LW91cnM", "cursor")]
    [InlineData("/api/complaints?limit=1000", "limit")]
    [InlineData("/api/complaints?limit=ten", "limit")]
    public async Task Bad_list_filters_name_the_parameter(string url, string field)
    {
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        await (await agent.GetAsync(url, _ct)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_malformed_complaint_number_is_a_bad_request_naming_the_number()
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer);
        await (await customer.GetAsync("/api/complaints/not-a-number", _ct)).AssertProblemAsync(HttpStatusCode.BadRequest, "number");
    }

    [Fact]
    public async Task Markup_in_a_description_comes_back_exactly_as_typed()
    {
        const string description = "<img src=x onerror=alert(1)> 我的钱没有到账 & \"quotes\"";
        using var customer = await app.ClientForAsync(RedressRoles.Customer);
        var number = await FileAsync(customer, ValidComplaint() with { Description = description });

        var read = await customer.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", _ct);
        Assert.Equal(description, read.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Missing_fields_are_each_named_and_nothing_is_stored()
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer);

        var response = await customer.PostAsJsonAsync("/api/complaints", new { }, _ct);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "category", "description", "desiredOutcome", "occurredAt");
        await AssertNothingStoredAsync(customer);
    }

    [Theory]
    [InlineData("currency", "\"XYZ\"", "currency")]
    [InlineData("amount", "-12.5", "amount")]
    [InlineData("amount", "0.001", "amount")]
    [InlineData("occurredAt", "\"2999-01-01T00:00:00Z\"", "occurredAt")]
    [InlineData("transactionReference", "\"TX'; DROP TABLE complaints;--\"", "transactionReference")]
    [InlineData("category", "\"Complaint\"", "category")]
    public async Task Invalid_values_are_named_and_nothing_is_stored(string property, string json, string field)
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer);
        var body = ReplaceProperty(ValidComplaint(), property, json);

        var response = await customer.PostAsync("/api/complaints", new StringContent(body, Encoding.UTF8, "application/json"), _ct);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        await AssertNothingStoredAsync(customer);
    }

    [Theory]
    [InlineData("{\"category\": \"Refund\", \"description\": ", "description")]
    [InlineData("not json at all", "body")]
    [InlineData("{\"category\": \"Refund\", \"amount\": \"twelve\"}", "amount")]
    [InlineData("{\"category\": \"Refund\", \"occurredAt\": \"yesterday\"}", "occurredAt")]
    [InlineData("{\"category\": \"Refund\", \"desired_outcome\": \"refund\"}", "desired_outcome")]
    public async Task Malformed_json_is_a_bad_request_naming_where_it_broke(string body, string field)
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer);

        var response = await customer.PostAsync("/api/complaints", new StringContent(body, Encoding.UTF8, "application/json"), _ct);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        await AssertNothingStoredAsync(customer);
    }

    [Fact]
    public async Task A_form_post_instead_of_json_is_an_unsupported_media_type()
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer);
        var response = await customer.PostAsync("/api/complaints", new FormUrlEncodedContent([new("category", "Refund")]), _ct);
        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "body");
    }

    [Fact]
    public async Task An_oversized_description_is_named_and_an_oversized_body_is_refused()
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer);

        var longText = await customer.PostAsJsonAsync("/api/complaints", ValidComplaint() with { Description = new string('x', 4001) }, _ct);
        var huge = await customer.PostAsJsonAsync("/api/complaints", ValidComplaint() with { Description = new string('x', 200_000) }, _ct);

        await longText.AssertProblemAsync(HttpStatusCode.BadRequest, "description");
        await huge.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "body");
        await AssertNothingStoredAsync(customer);
    }

    private async Task<string> FileAsync(HttpClient customer, ComplaintBody? body = null)
    {
        var response = await customer.PostAsJsonAsync("/api/complaints", body ?? ValidComplaint(), _ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("number").GetString()!;
    }

    private async Task AssertNothingStoredAsync(HttpClient customer)
    {
        var mine = await customer.GetFromJsonAsync<JsonElement>("/api/complaints/mine", _ct);
        Assert.Empty(mine.GetProperty("items").EnumerateArray());
    }

    private static string ReplaceProperty(ComplaintBody body, string property, string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(body, JsonSerializerOptions.Web))!;
        node[property] = System.Text.Json.Nodes.JsonNode.Parse(json);
        return node.ToJsonString();
    }

    private static ComplaintBody ValidComplaint() => new(
        "TransactionFailure",
        "转账显示失败，但钱包余额已经扣除了 120.50 元。",
        DateTimeOffset.Parse("2026-01-15T10:30:00+08:00", System.Globalization.CultureInfo.InvariantCulture),
        "TX-20260115-7781",
        120.50m,
        "CNY",
        "请退回 120.50 元");

    internal sealed record ComplaintBody(
        string Category, string Description, DateTimeOffset OccurredAt, string? TransactionReference, decimal? Amount, string? Currency, string DesiredOutcome);
}

public sealed class ComplaintApiOnSqlite(SqliteApp app) : ComplaintApiTests(app);

public sealed class ComplaintApiOnPostgres(PostgresApp app) : ComplaintApiTests(app);
