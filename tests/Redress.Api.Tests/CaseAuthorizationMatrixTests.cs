using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Redress.SharedKernel.Security;

namespace Redress.Api.Tests;

/// <summary>
/// Every case endpoint against every role, with the complaint's owner and another customer as separate parties.
/// Each cell starts from a fresh complaint brought to the stage where the endpoint makes sense, so "allowed" means
/// the call succeeds, not merely that it got past authorization.
/// </summary>
public abstract class CaseAuthorizationMatrixTests(RedressApp app)
{
    private const string Ok = "200";
    private const string Forbidden = "403";
    private const string NotFound = "404";
    private const string Unauthorized = "401";

    private static readonly ConcurrentDictionary<RedressApp, Task<Parties>> s_parties = new();

    private static readonly string[] s_order = ["owner", "other customer", "agent", "supervisor", "compliance", "administrator", "anonymous"];

    private static readonly Dictionary<string, string> s_staffOnly = Expect(Forbidden, Forbidden, Ok, Ok, Ok, Forbidden);
    private static readonly Dictionary<string, string> s_supervisorOnly = Expect(Forbidden, Forbidden, Forbidden, Ok, Forbidden, Forbidden);
    private static readonly Dictionary<string, string> s_ownerOnly = Expect(Ok, NotFound, Forbidden, Forbidden, Forbidden, Forbidden);
    private static readonly Dictionary<string, string> s_readers = Expect(Ok, NotFound, Ok, Ok, Ok, NotFound);

    private static readonly Dictionary<string, Cell> s_cells = new(StringComparer.Ordinal)
    {
        ["read complaint"] = new(Stage.Received, HttpMethod.Get, "", null, s_readers),
        ["list messages"] = new(Stage.Received, HttpMethod.Get, "/messages", null, s_readers),
        ["send message"] = new(Stage.Received, HttpMethod.Post, "/messages", _ => new { body = "Any news?" }, s_readers),
        ["send message with files"] = new(Stage.Received, HttpMethod.Post, "/messages/with-files", null, s_readers),
        ["download attachment"] = new(Stage.WithAttachment, HttpMethod.Get, "/attachments/{attachment}", null, s_readers),
        ["acknowledge"] = new(Stage.Received, HttpMethod.Post, "/acknowledge", null, s_staffOnly),
        ["triage"] = new(Stage.Acknowledged, HttpMethod.Post, "/triage", _ => new { category = "Refund", priority = "High" }, s_staffOnly),
        ["assign automatically"] = new(Stage.Acknowledged, HttpMethod.Post, "/assign", _ => new { automatic = true }, s_staffOnly),
        ["start investigation"] = new(Stage.Triaged, HttpMethod.Post, "/investigate", null, s_staffOnly),
        ["request information"] = new(Stage.Investigating, HttpMethod.Post, "/information-requests", _ => new { body = "A screenshot, please." }, s_staffOnly),
        ["add internal note"] = new(Stage.Received, HttpMethod.Post, "/notes", _ => new { body = "Called the bank." }, s_staffOnly),
        ["resolve"] = new(Stage.Investigating, HttpMethod.Post, "/resolve", _ => Decision, s_staffOnly),
        ["escalate externally"] = new(Stage.Investigating, HttpMethod.Post, "/escalations", _ => new { body = "PBoC 12363 referral" }, s_staffOnly),
        ["merge"] = new(Stage.WithSibling, HttpMethod.Post, "/merge", s => new { survivor = s.Sibling }, s_staffOnly),
        ["start appeal review"] = new(Stage.Appealed, HttpMethod.Post, "/review", null, s_supervisorOnly),
        ["decide appeal"] = new(Stage.ReviewingBySupervisor, HttpMethod.Post, "/appeal-decision", _ => Decision, s_supervisorOnly),
        ["accept outcome"] = new(Stage.Resolved, HttpMethod.Post, "/accept", null, s_ownerOnly),
        ["appeal"] = new(Stage.Resolved, HttpMethod.Post, "/appeal", _ => new { body = "The refund never arrived." }, s_ownerOnly),
        ["withdraw"] = new(Stage.Received, HttpMethod.Post, "/withdraw", null, s_ownerOnly),
        ["nudge"] = new(Stage.Received, HttpMethod.Post, "/nudge", null, s_ownerOnly),
        ["read final response"] = new(Stage.Resolved, HttpMethod.Get, "/final-response", null, s_readers),
        ["download final response"] = new(Stage.Resolved, HttpMethod.Get, "/final-response.pdf", null, s_readers),
        ["issue final response again"] = new(Stage.Resolved, HttpMethod.Post, "/final-response", null, s_staffOnly),
    };

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private enum Stage
    {
        Received,
        Acknowledged,
        Triaged,
        Investigating,
        Resolved,
        Appealed,
        ReviewingBySupervisor,
        WithAttachment,
        WithSibling,
    }

    private static object Decision => new { outcome = "PartlyUpheld", closureCode = "ClosedWithNonMonetaryRelief", reasons = "We refunded the fee." };

    public static TheoryData<string> Endpoints => [.. s_cells.Keys];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_party_gets_exactly_what_its_role_and_relation_allow(string endpoint)
    {
        app.EnsureAvailable();
        var parties = await s_parties.GetOrAdd(app, a => Parties.CreateAsync(a));
        var cell = s_cells[endpoint];
        var mismatches = new List<string>();
        foreach (var party in s_order)
        {
            var expected = party == "anonymous" ? Unauthorized : cell.Expected[party];
            var setup = await BringToAsync(parties, cell.Stage);
            var path = $"/api/complaints/{setup.Number}{cell.Path.Replace("{attachment}", setup.Attachment, StringComparison.Ordinal)}";
            using var request = new HttpRequestMessage(cell.Method, path);
            if (cell.Path == "/messages/with-files")
            {
                request.Content = CaseFiles.Form("Screenshot attached.", ("shot.png", CaseFiles.Png));
            }
            else if (cell.Body?.Invoke(setup) is { } body)
            {
                request.Content = JsonContent.Create(body);
            }

            var response = await parties.Client(party).SendAsync(request, _ct);
            var actual = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (actual != expected)
            {
                mismatches.Add($"{party}: expected {expected}, got {actual} {await response.Content.ReadAsStringAsync(_ct)}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{endpoint}:\n" + string.Join("\n", mismatches));
    }

    [Theory]
    [InlineData(RedressRoles.Customer, "unassigned", HttpStatusCode.Forbidden)]
    [InlineData(RedressRoles.Administrator, "unassigned", HttpStatusCode.Forbidden)]
    [InlineData(RedressRoles.Agent, "mine", HttpStatusCode.OK)]
    [InlineData(RedressRoles.ComplianceOfficer, "all", HttpStatusCode.OK)]
    public async Task Only_case_workers_see_the_queues(string role, string queue, HttpStatusCode expected)
    {
        using var client = await app.ClientForAsync(role);
        Assert.Equal(expected, (await client.GetAsync($"/api/staff/queues?queue={queue}", _ct)).StatusCode);
    }

    [Theory]
    [InlineData(RedressRoles.Supervisor, HttpStatusCode.OK)]
    [InlineData(RedressRoles.Agent, HttpStatusCode.Forbidden)]
    [InlineData(RedressRoles.ComplianceOfficer, HttpStatusCode.Forbidden)]
    [InlineData(RedressRoles.Customer, HttpStatusCode.Forbidden)]
    [InlineData(RedressRoles.Administrator, HttpStatusCode.Forbidden)]
    public async Task Only_supervisors_see_the_load_and_set_agents_categories(string role, HttpStatusCode expected)
    {
        using var client = await app.ClientForAsync(role);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me", _ct);

        Assert.Equal(expected, (await client.GetAsync("/api/staff/load", _ct)).StatusCode);
        var skills = await client.PutAsJsonAsync($"/api/staff/agents/{me.GetProperty("userId").GetGuid()}/skills", new { categories = (string[])["Fees"] }, _ct);
        Assert.Equal(expected, skills.StatusCode);
    }

    private static Dictionary<string, string> Expect(string owner, string other, string agent, string supervisor, string compliance, string administrator) =>
        new(StringComparer.Ordinal)
        {
            ["owner"] = owner,
            ["other customer"] = other,
            ["agent"] = agent,
            ["supervisor"] = supervisor,
            ["compliance"] = compliance,
            ["administrator"] = administrator,
        };

    private async Task<Setup> BringToAsync(Parties parties, Stage stage)
    {
        var owner = parties.Owner;
        var handler = parties.Handler;
        var number = await CaseFiles.FileAsync(owner, _ct);
        switch (stage)
        {
            case Stage.WithAttachment:
                var sent = await owner.PostAsync($"/api/complaints/{number}/messages/with-files", CaseFiles.Form("see", ("a.pdf", CaseFiles.Pdf)), _ct);
                var details = await CaseFiles.OkJsonAsync(sent, _ct);
                var attachment = details.GetProperty("conversation")[0].GetProperty("attachments")[0].GetProperty("id").GetString()!;
                return new Setup(number, null, attachment);
            case Stage.WithSibling:
                return new Setup(number, await CaseFiles.FileAsync(owner, _ct), null);
            case Stage.Received:
                return new Setup(number, null, null);
        }

        await CaseFiles.PostOkAsync(handler, $"/api/complaints/{number}/acknowledge", null, _ct);
        if (stage == Stage.Acknowledged)
        {
            return new Setup(number, null, null);
        }

        await CaseFiles.PostOkAsync(handler, $"/api/complaints/{number}/triage", new { category = "Refund", priority = "Normal" }, _ct);
        if (stage == Stage.Triaged)
        {
            return new Setup(number, null, null);
        }

        await CaseFiles.PostOkAsync(handler, $"/api/complaints/{number}/investigate", null, _ct);
        if (stage == Stage.Investigating)
        {
            return new Setup(number, null, null);
        }

        await CaseFiles.PostOkAsync(handler, $"/api/complaints/{number}/resolve", Decision, _ct);
        if (stage == Stage.Resolved)
        {
            return new Setup(number, null, null);
        }

        await CaseFiles.PostOkAsync(owner, $"/api/complaints/{number}/appeal", new { body = "Not enough." }, _ct);
        if (stage == Stage.Appealed)
        {
            return new Setup(number, null, null);
        }

        await CaseFiles.PostOkAsync(parties.Client("supervisor"), $"/api/complaints/{number}/review", null, _ct);
        return new Setup(number, null, null);
    }

    private sealed record Setup(string Number, string? Sibling, string? Attachment);

    private sealed record Cell(Stage Stage, HttpMethod Method, string Path, Func<Setup, object>? Body, Dictionary<string, string> Expected);

    /// <summary>One user per party, shared by every cell: creating users (password hashing) is the slow part.</summary>
    private sealed class Parties
    {
        private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

        public HttpClient Owner => _clients["owner"];

        /// <summary>The agent who works the complaints up to the tested stage; never one of the tested parties.</summary>
        public HttpClient Handler => _clients["handler"];

        public HttpClient Client(string party) => _clients[party];

        public static async Task<Parties> CreateAsync(RedressApp app)
        {
            var parties = new Parties();
            parties._clients["owner"] = await app.ClientForAsync(RedressRoles.Customer);
            parties._clients["other customer"] = await app.ClientForAsync(RedressRoles.Customer);
            parties._clients["agent"] = await app.ClientForAsync(RedressRoles.Agent);
            parties._clients["supervisor"] = await app.ClientForAsync(RedressRoles.Supervisor);
            parties._clients["compliance"] = await app.ClientForAsync(RedressRoles.ComplianceOfficer);
            parties._clients["administrator"] = await app.ClientForAsync(RedressRoles.Administrator);
            parties._clients["handler"] = await app.ClientForAsync(RedressRoles.Agent);
            parties._clients["anonymous"] = app.CreateClient();
            return parties;
        }
    }
}

public sealed class CaseAuthorizationMatrixOnSqlite(SqliteApp app) : CaseAuthorizationMatrixTests(app);

public sealed class CaseAuthorizationMatrixOnPostgres(PostgresApp app) : CaseAuthorizationMatrixTests(app);
