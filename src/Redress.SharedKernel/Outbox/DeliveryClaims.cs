using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Redress.SharedKernel.Outbox;

/// <summary>A delivery row taken by a claimer: the event to process and how often it has been claimed, this time included.</summary>
public sealed record ClaimedDelivery(long EventId, int Attempts);

/// <summary>
/// Claims, completes and postpones <see cref="OutboxDelivery"/> rows in whichever DbContext maps them.
/// A claim is one statement that marks the due rows as leased and returns them. On PostgreSQL the rows are
/// chosen with <c>FOR UPDATE SKIP LOCKED</c>, so concurrent claimers from several instances take disjoint
/// rows without waiting on each other; SQLite has a single writer, so the statement alone is enough.
/// A row is only ever chosen by its own state, never by "ids after the last one seen", so a row whose
/// transaction commits after one with a higher id is still claimed (ADR 10).
/// </summary>
public sealed class DeliveryClaims(DbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string consumer, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var now = time.GetUtcNow();
        var table = new DeliveryTable(db);
        var lockClause = db.Database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED" : string.Empty;
        var sql = $"""
            UPDATE {table.Name} SET {table.LeasedUntil} = @leasedUntil, {table.Attempts} = {table.Attempts} + 1
            WHERE {table.Id} IN (
                SELECT {table.Id} FROM {table.Name}
                WHERE {table.Consumer} = @consumer AND {table.CompletedAt} IS NULL AND {table.AvailableAt} <= @now
                  AND ({table.LeasedUntil} IS NULL OR {table.LeasedUntil} <= @now)
                ORDER BY {table.Id}
                LIMIT @max{lockClause})
            RETURNING {table.EventId}, {table.Attempts}
            """;

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            AddParameter(command, "leasedUntil", table.ToProvider(nameof(OutboxDelivery.LeasedUntil), now + lease));
            AddParameter(command, "now", table.ToProvider(nameof(OutboxDelivery.AvailableAt), now));
            AddParameter(command, "consumer", consumer);
            AddParameter(command, "max", max);

            var claimed = new List<ClaimedDelivery>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(new ClaimedDelivery(reader.GetInt64(0), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)));
            }

            return [.. claimed.OrderBy(c => c.EventId)];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Marks the row done; false when there is no open row for the consumer and event.</summary>
    public async Task<bool> CompleteAsync(string consumer, long eventId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var updated = await db.Set<OutboxDelivery>()
            .Where(d => d.Consumer == consumer && d.EventId == eventId && d.CompletedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.CompletedAt, now).SetProperty(d => d.LeasedUntil, (DateTimeOffset?)null), cancellationToken);
        return updated == 1;
    }

    /// <summary>Releases the claim and makes the row due again at <paramref name="notBefore"/>.</summary>
    public async Task<bool> RetryLaterAsync(string consumer, long eventId, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken)
    {
        var trimmed = reason.Length > OutboxDeliveryModel.ReasonMaxLength ? reason[..OutboxDeliveryModel.ReasonMaxLength] : reason;
        var updated = await db.Set<OutboxDelivery>()
            .Where(d => d.Consumer == consumer && d.EventId == eventId && d.CompletedAt == null)
            .ExecuteUpdateAsync(
                set => set.SetProperty(d => d.AvailableAt, notBefore.ToUniversalTime())
                    .SetProperty(d => d.LeasedUntil, (DateTimeOffset?)null)
                    .SetProperty(d => d.LastReason, trimmed),
                cancellationToken);
        return updated == 1;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Quoted table and column names as the DbContext maps them, and provider values for instants.</summary>
    private sealed class DeliveryTable
    {
        private readonly IEntityType _entity;
        private readonly StoreObjectIdentifier _store;

        public DeliveryTable(DbContext db)
        {
            _entity = db.Model.FindEntityType(typeof(OutboxDelivery))
                ?? throw new InvalidOperationException($"{db.GetType().Name} does not map {nameof(OutboxDelivery)}; call MapOutboxDeliveries in OnModelCreating.");
            _store = StoreObjectIdentifier.Table(_entity.GetTableName()!, _entity.GetSchema());
            var schema = _entity.GetSchema();
            Name = schema is null ? Quote(_entity.GetTableName()!) : $"{Quote(schema)}.{Quote(_entity.GetTableName()!)}";
        }

        public string Name { get; }

        public string Id => Column(nameof(OutboxDelivery.Id));

        public string Consumer => Column(nameof(OutboxDelivery.Consumer));

        public string EventId => Column(nameof(OutboxDelivery.EventId));

        public string AvailableAt => Column(nameof(OutboxDelivery.AvailableAt));

        public string LeasedUntil => Column(nameof(OutboxDelivery.LeasedUntil));

        public string Attempts => Column(nameof(OutboxDelivery.Attempts));

        public string CompletedAt => Column(nameof(OutboxDelivery.CompletedAt));

        /// <summary>An instant as the provider stores it (UTC ticks on SQLite, ADR 4).</summary>
        public object ToProvider(string property, DateTimeOffset value) =>
            _entity.FindProperty(property)!.GetRelationalTypeMapping().Converter?.ConvertToProvider(value) ?? value;

        private string Column(string property) => Quote(_entity.FindProperty(property)!.GetColumnName(_store)!);

        private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
