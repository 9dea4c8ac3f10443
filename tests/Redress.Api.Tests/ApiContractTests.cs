using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Redress.Client;
using Redress.Client.Models;
using Redress.SharedKernel.Security;

namespace Redress.Api.Tests;

/// <summary>The OpenAPI document describes requests as a client must send them (ADR 25).</summary>
public sealed class OpenApiContractTests(SqliteApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_file_complaint_request_names_its_required_fields_money_as_a_decimal_string_and_the_category_enum()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");
        var request = schemas.GetProperty("FileComplaintRequest");
        var properties = request.GetProperty("properties");

        Assert.Equal(["category", "description", "desiredOutcome", "occurredAt"], request.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("string", properties.GetProperty("amount").GetProperty("type").GetString());
        Assert.Equal(@"^[0-9]+(\.[0-9]+)?$", properties.GetProperty("amount").GetProperty("pattern").GetString());
        Assert.Equal(Enum.GetNames<Redress.Complaints.ComplaintCategory>(), properties.GetProperty("category").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("string", properties.GetProperty("category").GetProperty("type").GetString());
        Assert.Equal("string", properties.GetProperty("occurredAt").GetProperty("type").GetString());
        Assert.Equal("boolean", properties.GetProperty("freezeWallet").GetProperty("type").GetString());
    }

    [Fact]
    public async Task No_field_of_any_json_request_body_is_nullable_and_no_number_is_also_a_string()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var bodies = RequestBodySchemas(document).ToList();

        Assert.Contains("FileComplaintRequest", bodies);
        Assert.Contains("ProposeRemedyRequest", bodies);
        foreach (var name in bodies)
        {
            foreach (var field in schemas.GetProperty(name).GetProperty("properties").EnumerateObject())
            {
                Assert.True(field.Value.TryGetProperty("type", out var type), $"{name}.{field.Name} has a type");
                Assert.Equal(JsonValueKind.String, type.ValueKind);
                Assert.NotEqual("null", type.GetString());
            }
        }

        Assert.DoesNotContain(Types(document), types => types.Contains("string") && (types.Contains("number") || types.Contains("integer")));
    }

    [Fact]
    public async Task Replies_describe_amounts_as_decimal_numbers()
    {
        var amount = (await DocumentAsync()).GetProperty("components").GetProperty("schemas").GetProperty("MoneyView").GetProperty("properties").GetProperty("amount");

        Assert.Equal("number", amount.GetProperty("type").GetString());
        Assert.Equal("decimal", amount.GetProperty("format").GetString());
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = app.CreateClient();
        return await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", _ct);
    }

    private static IEnumerable<string> RequestBodySchemas(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .Where(operation => operation.Value.ValueKind == JsonValueKind.Object && operation.Value.TryGetProperty("requestBody", out _))
            .Select(operation => operation.Value.GetProperty("requestBody").GetProperty("content"))
            .Where(content => content.TryGetProperty("application/json", out _))
            .Select(content => content.GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!)
            .Select(reference => reference[(reference.LastIndexOf('/') + 1)..])
            .Distinct(StringComparer.Ordinal);

    private static IEnumerable<string[]> Types(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            return element.EnumerateArray().SelectMany(Types);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var own = element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array
            ? [[.. type.EnumerateArray().Select(t => t.GetString()!)]]
            : Array.Empty<string[]>();
        return own.Concat(element.EnumerateObject().SelectMany(property => Types(property.Value)));
    }
}

/// <summary>The client generated from the committed document files and reads a complaint against the running app.</summary>
public abstract class GeneratedClientTests(RedressApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_customer_files_a_complaint_with_the_generated_client_and_reads_it_back()
    {
        using var http = await app.SignInAsync(await app.CreateUserAsync(RedressRoles.Customer));
        var api = ClientOver(http);

        var filed = await api.Api.Complaints.PostAsync(
            new FileComplaintRequest
            {
                Category = FileComplaintRequest_category.TransactionFailure,
                Description = "转账显示失败，但钱包余额已经扣除了 120.50 元。",
                OccurredAt = DateTimeOffset.UtcNow.AddDays(-2),
                TransactionReference = "TX-20260115-7781",
                Amount = "120.50",
                Currency = "CNY",
                DesiredOutcome = "请退回 120.50 元",
            },
            cancellationToken: _ct);

        Assert.NotNull(filed?.Number);
        var read = await api.Api.Complaints[filed.Number].GetAsync(cancellationToken: _ct);
        Assert.NotNull(read);
        Assert.Equal(filed.Number, read.Number);
        Assert.Equal(ComplaintCategory.TransactionFailure, read.Category);
        Assert.Equal(ComplaintStage.Received, read.Stage);
        Assert.Equal(12050, read.Amount?.MinorUnits);
        Assert.Equal(120.50m, read.Amount?.Amount);
        Assert.Equal("CNY", read.Amount?.Currency);
        Assert.Equal("complaint.received", Assert.Single(read.Timeline ?? []).Type);
    }

    [Fact]
    public async Task The_generated_client_hears_each_missing_field_named()
    {
        using var http = await app.SignInAsync(await app.CreateUserAsync(RedressRoles.Customer));
        var api = ClientOver(http);

        var problem = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() =>
            api.Api.Complaints.PostAsync(new FileComplaintRequest { Category = FileComplaintRequest_category.Refund }, cancellationToken: _ct));

        Assert.Equal((int)HttpStatusCode.BadRequest, problem.ResponseStatusCode);
        Assert.Equal(["description", "desiredOutcome", "occurredAt"], (problem.Errors?.AdditionalData.Keys ?? []).Order(StringComparer.Ordinal));
    }

    private static RedressApiClient ClientOver(HttpClient http) =>
        new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = http.BaseAddress!.ToString().TrimEnd('/') });
}

public sealed class GeneratedClientOnSqlite(SqliteApp app) : GeneratedClientTests(app);

public sealed class GeneratedClientOnPostgres(PostgresApp app) : GeneratedClientTests(app);
