using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Redress.Complaints;

/// <summary>
/// One append-only entry on a complaint's timeline. Each entry carries the hash of the one before it, so a
/// changed or deleted row breaks the chain and is detectable.
/// </summary>
internal sealed class TimelineEvent
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private TimelineEvent()
    {
    }

    public long Id { get; private set; }

    public long ComplaintId { get; private set; }

    public int Sequence { get; private set; }

    public string Type { get; private set; } = string.Empty;

    public DateTimeOffset OccurredAt { get; private set; }

    public Guid? ActorId { get; private set; }

    public string ActorRole { get; private set; } = string.Empty;

    /// <summary>JSON with the facts of the event; the customer's own words stay on the complaint.</summary>
    public string Payload { get; private set; } = "{}";

    public string PreviousHash { get; private set; } = GenesisHash;

    public string Hash { get; private set; } = string.Empty;

    public static TimelineEvent Create(
        string complaintNumber, int sequence, string type, DateTimeOffset occurredAt, Guid? actorId, string actorRole, string payload, string previousHash)
    {
        var entry = new TimelineEvent
        {
            Sequence = sequence,
            Type = type,
            OccurredAt = occurredAt,
            ActorId = actorId,
            ActorRole = actorRole,
            Payload = payload,
            PreviousHash = previousHash,
        };
        entry.Hash = entry.ComputeHash(complaintNumber);
        return entry;
    }

    /// <summary>The hash this entry should carry, recomputed from its fields; compare with <see cref="Hash"/> to verify.</summary>
    public string ComputeHash(string complaintNumber)
    {
        var canonical = string.Join(
            '\u001f',
            complaintNumber,
            Sequence.ToString(CultureInfo.InvariantCulture),
            Type,
            OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            ActorId?.ToString("N") ?? "-",
            ActorRole,
            Payload,
            PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>Timeline entry types. Stable strings: they are stored and hashed.</summary>
public static class TimelineEventTypes
{
    public const string Received = "complaint.received";
}
