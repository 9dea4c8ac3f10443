using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Redress.Complaints;
using Redress.Complaints.Data;
using Redress.Complaints.Features;

namespace Redress.Api.Tests;

/// <summary>Helpers for SLA sweep tests: put filed complaints past every SLA point, read what was announced, verify chains.</summary>
internal static class SlaSweeps
{
    /// <summary>The SLA entries one due complaint gets when every point has passed: two warnings, the holding-reply prompt, the breach.</summary>
    public static readonly string[] EveryPoint = ["sla.warning", "sla.warning", "sla.holding-reply-due", "sla.breached"];

    /// <summary>
    /// Moves the complaints' clocks back so that every SLA point lies in the past and their next check is due now. The
    /// hosts' own monitors wait an hour between passes in tests, so only the sweeps a test runs pick them up.
    /// </summary>
    public static async Task MakeOverdueAsync(RedressApp app, IEnumerable<string> numbers, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        object Instant(DateTimeOffset value) => app.Provider == "Sqlite" ? value.UtcTicks : value;
        foreach (var number in numbers)
        {
            var stored = ComplaintNumber.TryParse(number, out var parsed) ? parsed.Value.Value : number;
            var changed = await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE complaints SET "FiledAt" = {Instant(now.AddDays(-20))}, "HoldingReplyBy" = {Instant(now.AddHours(-1))}
                WHERE "Number" = {stored}
                """,
                cancellationToken);
            Assert.Equal(1, changed);
            changed = await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE complaint_sla_schedule SET "FinalDueAt" = {Instant(now.AddHours(-1))}, "NextSlaCheckAt" = {Instant(now.AddMinutes(-1))}
                WHERE "Id" = (SELECT "Id" FROM complaints WHERE "Number" = {stored})
                """,
                cancellationToken);
            Assert.Equal(1, changed);
        }
    }

    /// <summary>The SLA entry types on a complaint's timeline, in order, as staff see them.</summary>
    public static async Task<List<string>> EntriesAsync(HttpClient staff, string number, CancellationToken cancellationToken)
    {
        var complaint = await staff.GetFromJsonAsync<JsonElement>($"/api/complaints/{number}", cancellationToken);
        return [.. complaint.GetProperty("timeline").EnumerateArray()
            .Select(e => e.GetProperty("type").GetString()!)
            .Where(t => t.StartsWith("sla.", StringComparison.Ordinal))];
    }

    public static async Task<int> SweepAsync(RedressApp app, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SlaSweep>().RunOnceAsync(cancellationToken);
    }

    public static async Task<TimelineVerification> VerifyAsync(RedressApp app, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TimelineVerifier>().VerifyAsync(TimelineVerifier.DefaultBatchSize, cancellationToken);
    }
}
