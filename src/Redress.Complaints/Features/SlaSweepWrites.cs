using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Redress.Complaints.Data;
using Redress.SharedKernel.Outbox;

namespace Redress.Complaints.Features;

/// <summary>
/// Stores one SLA sweep's checks in one transaction without EF change tracking (ADR 18): each complaint's SLA schedule
/// (its own table, complaint_sla_schedule) updated only if the complaint's version is still the one the sweep read, and the timeline entries and outbox rows of
/// exactly those complaints inserted with them. Returns the ids of the complaints stored; the others changed meanwhile.
/// The SQL is per provider because the fast set-based form differs: PostgreSQL takes the whole batch as arrays in two
/// statements, SQLite (in-process, one writer) runs one prepared statement per row. Table and column names are
/// the EF model's, so a renamed column or table changes the SQL with it.
/// </summary>
internal static class SlaSweepWrites
{
    private static readonly ConditionalWeakTable<IModel, Tables> s_tables = [];

    public static async Task<HashSet<long>> StoreAsync(ComplaintsDbContext db, IReadOnlyList<SlaCheck> checks, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tables = s_tables.GetValue(db.Model, model => new Tables(model, db.GetService<ISqlGenerationHelper>()));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var stored = db.Database.IsSqlite()
            ? await SqliteAsync(connection, dbTransaction, tables, checks, now, cancellationToken)
            : await PostgresAsync((NpgsqlConnection)connection, (NpgsqlTransaction)dbTransaction, tables, checks, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    private static async Task<HashSet<long>> PostgresAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Tables t, IReadOnlyList<SlaCheck> checks, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Rows are locked in id order and those another sweep holds are skipped (it is storing them), so two
        // instances never wait on each other in opposite orders; the version check drops rows changed since the read.
        // complaints gets only the Version/UpdatedAt bump, which touches no index and so stays a HOT update; the
        // schedule, whose NextSlaCheckAt and AtRisk are indexed, is rewritten in its narrow table (ADR 18).
        await using var update = new NpgsqlCommand(
            $"""
            WITH u AS (
                SELECT * FROM unnest(@ids, @versions, @warnings, @prompted, @breached, @next, @at_risk, @updated)
                    AS u(id, version, warnings, prompted, breached, next, at_risk, updated)),
            locked AS MATERIALIZED (
                SELECT c.{t.Complaints.Id} AS id FROM {t.Complaints} c WHERE c.{t.Complaints.Id} IN (SELECT id FROM u) ORDER BY c.{t.Complaints.Id} FOR UPDATE SKIP LOCKED),
            bumped AS (
                UPDATE {t.Complaints} AS c
                SET {t.Complaints.UpdatedAt} = COALESCE(u.updated, c.{t.Complaints.UpdatedAt}), {t.Complaints.Version} = c.{t.Complaints.Version} + 1
                FROM u
                WHERE c.{t.Complaints.Id} = u.id AND c.{t.Complaints.Version} = u.version AND c.{t.Complaints.Id} IN (SELECT id FROM locked)
                RETURNING c.{t.Complaints.Id} AS id)
            UPDATE {t.Schedule} AS s
            SET {t.Schedule.Warnings} = u.warnings, {t.Schedule.Prompted} = u.prompted, {t.Schedule.Breached} = u.breached,
                {t.Schedule.Next} = u.next, {t.Schedule.AtRisk} = u.at_risk
            FROM u JOIN bumped b ON b.id = u.id
            WHERE s.{t.Schedule.Id} = u.id
            RETURNING s.{t.Schedule.Id}
            """,
            connection,
            transaction);
        update.Parameters.Add(Array("ids", NpgsqlDbType.Bigint, checks.Select(c => c.ComplaintId)));
        update.Parameters.Add(Array("versions", NpgsqlDbType.Integer, checks.Select(c => c.Version)));
        update.Parameters.Add(Array("warnings", NpgsqlDbType.Integer, checks.Select(c => c.Step.WarningsSent)));
        update.Parameters.Add(Array("prompted", NpgsqlDbType.TimestampTz, checks.Select(c => Utc(c.Step.HoldingReplyPromptedAt))));
        update.Parameters.Add(Array("breached", NpgsqlDbType.TimestampTz, checks.Select(c => Utc(c.Step.BreachedAt))));
        update.Parameters.Add(Array("next", NpgsqlDbType.TimestampTz, checks.Select(c => Utc(c.Step.NextCheckAt))));
        update.Parameters.Add(Array("at_risk", NpgsqlDbType.Boolean, checks.Select(c => AtRisk(c.Step))));
        update.Parameters.Add(Array("updated", NpgsqlDbType.TimestampTz, checks.Select(c => c.Entries.Count > 0 ? Utc(now) : null)));
        var stored = new HashSet<long>();
        await using (var reader = await update.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                stored.Add(reader.GetInt64(0));
            }
        }

        var entries = checks.Where(c => stored.Contains(c.ComplaintId)).SelectMany(c => c.Entries.Select((e, i) => (Check: c, Entry: e, Notify: c.Notify[i]))).ToList();
        if (entries.Count == 0)
        {
            return stored;
        }

        await using var insert = new NpgsqlCommand(
            $"""
            WITH inserted AS (
                INSERT INTO {t.Timeline} ({t.Timeline.Insert})
                SELECT e.complaint, e.sequence, e.type, e.schema_version, e.occurred, @role, e.payload, @visibility, e.previous, e.hash
                FROM unnest(@complaints, @sequences, @types, @schema_versions, @occurred, @payloads, @previous, @hashes)
                    AS e(complaint, sequence, type, schema_version, occurred, payload, previous, hash)
                RETURNING {t.Timeline.Id} AS id, {t.Timeline.ComplaintId} AS complaint, {t.Timeline.Sequence} AS sequence)
            INSERT INTO {t.Outbox} ({t.Outbox.Insert})
            SELECT @consumer, i.id, @at, 0
            FROM inserted i JOIN unnest(@complaints, @sequences, @notify) AS n(complaint, sequence, notify)
                ON n.complaint = i.complaint AND n.sequence = i.sequence
            WHERE n.notify
            """,
            connection,
            transaction);
        insert.Parameters.Add(new NpgsqlParameter("at", NpgsqlDbType.TimestampTz) { Value = Utc(now)!.Value });
        insert.Parameters.Add(new NpgsqlParameter("role", NpgsqlDbType.Text) { Value = Complaint.SystemRole });
        insert.Parameters.Add(new NpgsqlParameter("visibility", NpgsqlDbType.Text) { Value = Visibility.Internal.ToString() });
        insert.Parameters.Add(new NpgsqlParameter("consumer", NpgsqlDbType.Text) { Value = TimelineEvent.NotificationsConsumer });
        insert.Parameters.Add(Array("complaints", NpgsqlDbType.Bigint, entries.Select(x => x.Check.ComplaintId)));
        insert.Parameters.Add(Array("sequences", NpgsqlDbType.Integer, entries.Select(x => x.Entry.Sequence)));
        insert.Parameters.Add(Array("types", NpgsqlDbType.Text, entries.Select(x => x.Entry.Type)));
        insert.Parameters.Add(Array("schema_versions", NpgsqlDbType.Integer, entries.Select(x => x.Entry.SchemaVersion)));
        insert.Parameters.Add(Array("occurred", NpgsqlDbType.TimestampTz, entries.Select(x => x.Entry.OccurredAt.UtcDateTime)));
        insert.Parameters.Add(Array("payloads", NpgsqlDbType.Text, entries.Select(x => x.Entry.Payload)));
        insert.Parameters.Add(Array("previous", NpgsqlDbType.Text, entries.Select(x => x.Entry.PreviousHash)));
        insert.Parameters.Add(Array("hashes", NpgsqlDbType.Text, entries.Select(x => x.Entry.Hash)));
        insert.Parameters.Add(Array("notify", NpgsqlDbType.Boolean, entries.Select(x => x.Notify)));
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return stored;
    }

    private static async Task<HashSet<long>> SqliteAsync(
        DbConnection connection, DbTransaction transaction, Tables t, IReadOnlyList<SlaCheck> checks, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The transaction holds SQLite's single write lock, so no one changes a row between its update and its inserts.
        await using var update = Command(
            connection,
            transaction,
            $"""
            UPDATE {t.Complaints}
            SET {t.Complaints.UpdatedAt} = COALESCE($updated, {t.Complaints.UpdatedAt}), {t.Complaints.Version} = {t.Complaints.Version} + 1
            WHERE {t.Complaints.Id} = $id AND {t.Complaints.Version} = $version
            """);
        var (id, version, updated) = (Parameter(update, "$id"), Parameter(update, "$version"), Parameter(update, "$updated"));

        await using var schedule = Command(
            connection,
            transaction,
            $"""
            UPDATE {t.Schedule}
            SET {t.Schedule.Warnings} = $warnings, {t.Schedule.Prompted} = $prompted, {t.Schedule.Breached} = $breached, {t.Schedule.Next} = $next, {t.Schedule.AtRisk} = $at_risk
            WHERE {t.Schedule.Id} = $id
            """);
        var (scheduleId, warnings, prompted, breached, next, atRisk) = (
            Parameter(schedule, "$id"), Parameter(schedule, "$warnings"), Parameter(schedule, "$prompted"),
            Parameter(schedule, "$breached"), Parameter(schedule, "$next"), Parameter(schedule, "$at_risk"));

        await using var insert = Command(
            connection,
            transaction,
            $"""
            INSERT INTO {t.Timeline} ({t.Timeline.Insert})
            VALUES ($complaint, $sequence, $type, $schema_version, $occurred, $role, $payload, $visibility, $previous, $hash)
            RETURNING {t.Timeline.Id}
            """);
        var (complaint, sequence, type, schemaVersion, occurred, payload, previous, hash) = (
            Parameter(insert, "$complaint"), Parameter(insert, "$sequence"), Parameter(insert, "$type"), Parameter(insert, "$schema_version"),
            Parameter(insert, "$occurred"), Parameter(insert, "$payload"), Parameter(insert, "$previous"), Parameter(insert, "$hash"));
        Parameter(insert, "$role").Value = Complaint.SystemRole;
        Parameter(insert, "$visibility").Value = Visibility.Internal.ToString();

        await using var outbox = Command(
            connection,
            transaction,
            $"""INSERT INTO {t.Outbox} ({t.Outbox.Insert}) VALUES ($consumer, $event, $at, 0)""");
        var eventId = Parameter(outbox, "$event");
        Parameter(outbox, "$consumer").Value = TimelineEvent.NotificationsConsumer;
        Parameter(outbox, "$at").Value = now.UtcTicks;

        var stored = new HashSet<long>();
        foreach (var check in checks)
        {
            id.Value = check.ComplaintId;
            version.Value = check.Version;
            updated.Value = check.Entries.Count > 0 ? now.UtcTicks : DBNull.Value;
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                continue;
            }

            scheduleId.Value = check.ComplaintId;
            warnings.Value = check.Step.WarningsSent;
            prompted.Value = Ticks(check.Step.HoldingReplyPromptedAt);
            breached.Value = Ticks(check.Step.BreachedAt);
            next.Value = Ticks(check.Step.NextCheckAt);
            atRisk.Value = AtRisk(check.Step);
            await schedule.ExecuteNonQueryAsync(cancellationToken);

            stored.Add(check.ComplaintId);
            for (var index = 0; index < check.Entries.Count; index++)
            {
                var entry = check.Entries[index];
                complaint.Value = check.ComplaintId;
                sequence.Value = entry.Sequence;
                type.Value = entry.Type;
                schemaVersion.Value = entry.SchemaVersion;
                occurred.Value = entry.OccurredAt.UtcTicks;
                payload.Value = entry.Payload;
                previous.Value = entry.PreviousHash;
                hash.Value = entry.Hash;
                var inserted = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
                if (check.Notify[index])
                {
                    eventId.Value = inserted;
                    await outbox.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }

        return stored;
    }

    /// <summary>As <see cref="Complaint.RecordSlaCheck"/> decides it.</summary>
    private static bool AtRisk(Deadlines.SlaStep step) => step.WarningsSent > 0 || step.BreachedAt is not null;

    private static DateTime? Utc(DateTimeOffset? value) => value?.UtcDateTime;

    private static object Ticks(DateTimeOffset? value) => value is { } instant ? instant.UtcTicks : DBNull.Value;

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>The tables the sweep writes, with their columns quoted as the provider wants them.</summary>
    private sealed class Tables(IModel model, ISqlGenerationHelper sql)
    {
        public ComplaintColumns Complaints { get; } = new(Mapped.Of(model.FindEntityType(typeof(Complaint))!, sql));

        public ScheduleColumns Schedule { get; } = new(Mapped.Of(model.FindEntityType(typeof(Complaint))!.FindNavigation(nameof(Complaint.Sla))!.TargetEntityType, sql));

        public TimelineColumns Timeline { get; } = new(Mapped.Of(model.FindEntityType(typeof(TimelineEvent))!, sql));

        public OutboxColumns Outbox { get; } = new(Mapped.Of(model.FindEntityType(typeof(OutboxDelivery))!, sql));
    }

    private sealed class Mapped(IEntityType entity, StoreObjectIdentifier table, ISqlGenerationHelper sql)
    {
        public string Name { get; } = sql.DelimitIdentifier(table.Name, table.Schema);

        public static Mapped Of(IEntityType entity, ISqlGenerationHelper sql) =>
            new(entity, StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()), sql);

        public string Column(string property) =>
            sql.DelimitIdentifier(entity.FindProperty(property)?.GetColumnName(table)
                ?? throw new InvalidOperationException($"{entity.DisplayName()}.{property} is not mapped to {table.Name}."));
    }

    private sealed class ComplaintColumns(Mapped table)
    {
        public string Id { get; } = table.Column(nameof(Complaint.Id));

        public string Version { get; } = table.Column(nameof(Complaint.Version));

        public string UpdatedAt { get; } = table.Column(nameof(Complaint.UpdatedAt));

        public override string ToString() => table.Name;
    }

    private sealed class ScheduleColumns(Mapped table)
    {
        public string Id { get; } = table.Column(ComplaintConfiguration.SlaScheduleKey);

        public string Warnings { get; } = table.Column(nameof(SlaSchedule.SlaWarningsSent));

        public string Prompted { get; } = table.Column(nameof(SlaSchedule.HoldingReplyPromptedAt));

        public string Breached { get; } = table.Column(nameof(SlaSchedule.BreachedAt));

        public string Next { get; } = table.Column(nameof(SlaSchedule.NextSlaCheckAt));

        public string AtRisk { get; } = table.Column(nameof(SlaSchedule.AtRisk));

        public override string ToString() => table.Name;
    }

    private sealed class TimelineColumns(Mapped table)
    {
        public string Id { get; } = table.Column(nameof(TimelineEvent.Id));

        public string ComplaintId { get; } = table.Column(nameof(TimelineEvent.ComplaintId));

        public string Sequence { get; } = table.Column(nameof(TimelineEvent.Sequence));

        /// <summary>The inserted columns, in the order of the statements' values.</summary>
        public string Insert { get; } = string.Join(", ", new[]
        {
            nameof(TimelineEvent.ComplaintId), nameof(TimelineEvent.Sequence), nameof(TimelineEvent.Type), nameof(TimelineEvent.SchemaVersion), nameof(TimelineEvent.OccurredAt),
            nameof(TimelineEvent.ActorRole), nameof(TimelineEvent.Payload), nameof(TimelineEvent.Visibility), nameof(TimelineEvent.PreviousHash),
            nameof(TimelineEvent.Hash),
        }.Select(table.Column));

        public override string ToString() => table.Name;
    }

    private sealed class OutboxColumns(Mapped table)
    {
        /// <summary>The inserted columns, in the order of the statements' values.</summary>
        public string Insert { get; } = string.Join(", ", new[]
        {
            nameof(OutboxDelivery.Consumer), nameof(OutboxDelivery.EventId), nameof(OutboxDelivery.AvailableAt), nameof(OutboxDelivery.Attempts),
        }.Select(table.Column));

        public override string ToString() => table.Name;
    }
}
