using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Redress.SharedKernel.Security;

namespace Redress.Api.Tests;

public abstract class FinalResponseApiTests(RedressApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Resolving_a_UK_complaint_issues_an_English_letter_with_the_ombudsman_paragraphs_as_a_downloadable_pdf()
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer, "GB", "en");
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        var number = await CaseFiles.FileAsync(customer, _ct);
        var path = $"/api/complaints/{number}";
        await CaseFiles.PostOkAsync(agent, $"{path}/triage", new { category = "TransactionFailure", priority = "Normal" }, _ct);
        await CaseFiles.PostOkAsync(agent, $"{path}/investigate", null, _ct);

        var resolved = await CaseFiles.PostOkAsync(
            agent, $"{path}/resolve", new { outcome = "NotUpheld", closureCode = "ClosedWithExplanation", reasons = "The payee received the transfer." }, _ct);

        Assert.Contains(resolved.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("type").GetString() == "final_response.issued");
        var letter = await customer.GetFromJsonAsync<JsonElement>($"{path}/final-response", _ct);
        var paragraphs = string.Join('\n', letter.GetProperty("letter").GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("Financial Ombudsman Service", paragraphs, StringComparison.Ordinal);
        Assert.Contains("within six months of the date of this letter", paragraphs, StringComparison.Ordinal);
        Assert.Contains("The payee received the transfer.", paragraphs, StringComparison.Ordinal);
        Assert.Equal($"{path}/final-response.pdf", letter.GetProperty("pdfUrl").GetString());

        var pdf = await customer.GetAsync($"{path}/final-response.pdf", _ct);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", pdf.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(_ct), 0, 5), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_a_decision_there_is_no_letter_and_staff_cannot_issue_one()
    {
        using var customer = await app.ClientForAsync(RedressRoles.Customer);
        using var agent = await app.ClientForAsync(RedressRoles.Agent);
        var number = await CaseFiles.FileAsync(customer, _ct);

        await (await customer.GetAsync($"/api/complaints/{number}/final-response.pdf", _ct)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await agent.PostAsync($"/api/complaints/{number}/final-response", null, _ct)).AssertProblemAsync(HttpStatusCode.Conflict);
    }
}

public sealed class FinalResponseApiOnSqlite(SqliteApp app) : FinalResponseApiTests(app);

public sealed class FinalResponseApiOnPostgres(PostgresApp app) : FinalResponseApiTests(app);
