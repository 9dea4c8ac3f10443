using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

/// <summary>
/// Raw SQL that fills the complaints table and its SLA schedule table in one batch per provider: every complaint open and on a policy
/// clock, the first <c>due</c> ids with their next SLA check in the past, the rest spread over the next 30 days.
/// Only the due complaints get a timeline head and an owner, which is all a sweep reads.
/// </summary>
internal static class BulkLoad
{
    // Doubled: EF formats raw SQL, where braces mark parameters.
    private const string EmptyJson = "{{}}";
    private const string Hash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Complaints(bool postgres, int open, int due, DateTimeOffset now)
    {
        var filed = Instant(postgres, now.AddDays(-10));
        var final = Instant(postgres, now.AddDays(10));
        var past = Instant(postgres, now.AddMinutes(-1));
        var day = postgres ? "interval '1 day'" : TimeSpan.TicksPerDay.ToString(CultureInfo.InvariantCulture);
        var future = postgres
            ? $"{Instant(postgres, now)} + ((i % 30) + 1) * {day}"
            : $"{now.UtcTicks} + ((i % 30) + 1) * {day}";
        var series = postgres ? "generate_series(1, " + open + ") AS s(i)" : $"(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {open}) SELECT i FROM n)";
        var number = postgres ? "lpad(to_hex(i), 9, '0')" : "printf('%09X', i)";
        var customer = postgres ? "'0195f0c0-0000-7000-8000-000000000001'::uuid" : "'0195f0c0-0000-7000-8000-000000000001'";
        var yes = postgres ? "true" : "1";
        // The due complaints have an owner, so each announcement also writes its outbox row, as in production.
        var owner = postgres ? "'0195f0c0-0000-7000-8000-0000000000a1'::uuid" : "'0195F0C0-0000-7000-8000-0000000000A1'";
        return $"""
            INSERT INTO complaints ("Id", "Number", "CustomerId", "Category", "Channel", "Stage", "WaitingOn", "Priority", "Jurisdiction", "Culture",
                "Description", "DesiredOutcome", "OccurredAt", "FiledAt", "UpdatedAt", "Version", "DeadlinePolicy", "CalendarComplete",
                "DeadlinesPauseForCustomer", "PausedBusinessDays", "PausedCalendarDays", "AssigneeId")
            SELECT i, {number}, {customer}, 'TransactionFailure', 'InApp', 'Investigating', 'Operator', 'Normal', 'GB', 'en',
                'Money left my wallet but the transfer failed.', 'Refund it', {filed}, {filed}, {filed}, 1, 'GB-PaymentServices', {yes},
                {(postgres ? "false" : "0")}, 0, 0, CASE WHEN i <= {due} THEN {owner} END
            FROM {series};
            INSERT INTO complaint_sla_schedule ("Id", "FinalDueAt", "SlaWarningsSent", "AtRisk", "NextSlaCheckAt")
            SELECT i, {final}, 0, {(postgres ? "false" : "0")}, CASE WHEN i <= {due} THEN {past} ELSE {future} END
            FROM {series}
            """;
    }

    public static string Heads(bool postgres, int due, DateTimeOffset now)
    {
        var series = postgres ? "generate_series(1, " + due + ") AS s(i)" : $"(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {due}) SELECT i FROM n)";
        return $"""
            INSERT INTO timeline_events ("ComplaintId", "Sequence", "Type", "OccurredAt", "ActorRole", "Payload", "Visibility", "PreviousHash", "Hash")
            SELECT i, 1, 'complaint.received', {Instant(postgres, now.AddDays(-10))}, 'Customer', '{EmptyJson}', 'Customer', '{Hash}', '{Hash}'
            FROM {series}
            """;
    }

    public static string Reset(bool postgres, int due, DateTimeOffset now) => $"""
        UPDATE complaint_sla_schedule SET "SlaWarningsSent" = 0, "AtRisk" = {(postgres ? "false" : "0")}, "NextSlaCheckAt" = {Instant(postgres, now.AddMinutes(-1))}
        WHERE "Id" <= {due}
        """;

    public static string DueQuery(bool postgres, int due) =>
        $"""SELECT "Id" AS "Value" FROM complaint_sla_schedule WHERE "NextSlaCheckAt" <= @now ORDER BY "NextSlaCheckAt" LIMIT {due}""";

    public static string Explain(bool postgres, int due) => (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + DueQuery(postgres, due);

    public static System.Data.Common.DbParameter Now(bool postgres, DateTimeOffset now) =>
        postgres ? new NpgsqlParameter("now", now.UtcDateTime) : new SqliteParameter("now", now.UtcTicks);

    private static string Instant(bool postgres, DateTimeOffset value) => postgres
        ? $"'{value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}+00'::timestamptz"
        : value.UtcTicks.ToString(CultureInfo.InvariantCulture);
}
