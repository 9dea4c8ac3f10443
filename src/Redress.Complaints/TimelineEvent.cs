using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Redress.SharedKernel.Outbox;

namespace Redress.Complaints;

/// <summary>
/// One append-only entry on a complaint's timeline. Each entry carries the hash of the one before it, so a
/// changed or deleted row breaks the chain and is detectable.
/// </summary>
internal sealed class TimelineEvent
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The consumer that tells people about events (the notifications module's name for itself).</summary>
    public const string NotificationsConsumer = "notifications";

    private readonly List<OutboxDelivery> _deliveries = [];

    private TimelineEvent()
    {
    }

    public long Id { get; private set; }

    public long ComplaintId { get; private set; }

    public int Sequence { get; private set; }

    public string Type { get; private set; } = string.Empty;

    /// <summary>The version of the payload record's shape for <see cref="Type"/>; stored and hashed with the entry.</summary>
    public int SchemaVersion { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public Guid? ActorId { get; private set; }

    public string ActorRole { get; private set; } = string.Empty;

    /// <summary>The payload record's canonical JSON (<see cref="TimelineJson"/>); personal data only as salted digests.</summary>
    public string Payload { get; private set; } = "{}";

    /// <summary>Internal entries (notes, assignment, triage) are for staff only and never reach the customer.</summary>
    public Visibility Visibility { get; private set; }

    public string PreviousHash { get; private set; } = GenesisHash;

    public string Hash { get; private set; } = string.Empty;

    /// <summary>Outbox rows written with this entry, one per consumer; stored in the same transaction.</summary>
    public IReadOnlyList<OutboxDelivery> Deliveries => _deliveries;

    public static TimelineEvent Create(
        string complaintNumber, int sequence, TimelinePayload payload, DateTimeOffset occurredAt, Guid? actorId, string actorRole, string previousHash, Visibility visibility)
    {
        var described = TimelineJson.Describe(payload);
        var entry = new TimelineEvent
        {
            Sequence = sequence,
            Type = described.Type,
            SchemaVersion = described.Version,
            OccurredAt = WholeMicroseconds(occurredAt),
            ActorId = actorId,
            ActorRole = actorRole,
            Payload = Encoding.UTF8.GetString(TimelineJson.Canonical(payload)),
            Visibility = visibility,
            PreviousHash = previousHash,
        };
        entry.Hash = entry.ComputeHash(complaintNumber);
        return entry;
    }

    /// <summary>The payload as its record; throws <see cref="System.Text.Json.JsonException"/> for an unknown type, version or shape.</summary>
    public TimelinePayload Read() => TimelineJson.Read(Type, SchemaVersion, Payload);

    /// <summary>
    /// PostgreSQL keeps instants to the microsecond; the hash covers the ticks, so an entry must carry exactly what
    /// the database gives back, or its chain would not verify after the round trip.
    /// </summary>
    public static DateTimeOffset WholeMicroseconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);

    /// <summary>Queues this entry for the notifications consumer; the row gets the entry's id when both are stored.</summary>
    public void Notify(DateTimeOffset now) => _deliveries.Add(OutboxDelivery.For(NotificationsConsumer, 0, now));

    /// <summary>
    /// The hash this entry should carry, recomputed from its fields; compare with <see cref="Hash"/> to verify.
    /// SHA-256 over the UTF-8 bytes of, separated by U+001F: the stored complaint number, the sequence, the type, the
    /// schema version (both numbers in invariant decimal), the instant as <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>, the
    /// actor's id in "D" form (or "-"), the role, the visibility's name, the payload's canonical bytes and the
    /// previous hash. No field can hold a raw U+001F (canonical JSON escapes control characters), so the split is
    /// unambiguous.
    /// </summary>
    public string ComputeHash(string complaintNumber)
    {
        var canonical = string.Join(
            '\u001f',
            complaintNumber,
            Sequence.ToString(CultureInfo.InvariantCulture),
            Type,
            SchemaVersion.ToString(CultureInfo.InvariantCulture),
            OccurredAt.UtcDateTime.ToString(UtcMicrosecondsConverter.Format, CultureInfo.InvariantCulture),
            ActorId?.ToString("D") ?? "-",
            ActorRole,
            Visibility.ToString(),
            Payload,
            PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>Timeline entry types. Stable strings: they are stored and hashed.</summary>
public static class TimelineEventTypes
{
    public const string Received = "complaint.received";
    public const string Acknowledged = "complaint.acknowledged";
    public const string Triaged = "complaint.triaged";
    public const string Assigned = "complaint.assigned";
    public const string InvestigationStarted = "complaint.investigation-started";
    public const string InformationRequested = "complaint.information-requested";
    public const string InformationProvided = "complaint.information-provided";
    public const string MessageSent = "complaint.message-sent";
    public const string NoteAdded = "complaint.note-added";
    public const string Resolved = "complaint.resolved";
    public const string Accepted = "complaint.accepted";
    public const string Appealed = "complaint.appealed";
    public const string ReviewStarted = "complaint.review-started";
    public const string AppealDecided = "complaint.appeal-decided";
    public const string Withdrawn = "complaint.withdrawn";
    public const string EscalatedExternally = "complaint.escalated-externally";
    public const string MergedInto = "complaint.merged-into";
    public const string DuplicateMergedIn = "complaint.duplicate-merged-in";
    public const string Nudged = "complaint.nudged";
    public const string HoldingReplySent = "complaint.holding-reply-sent";
    public const string FinalResponseIssued = "final_response.issued";
    public const string Investigated = "complaint.investigated";
    public const string RemedyProposed = "remedy.proposed";
    public const string RemedyApproved = "remedy.approved";
    public const string RemedyRequested = "remedy.requested";
    public const string RemedyExecuted = "remedy.executed";
    public const string RemedyFailed = "remedy.failed";
    public const string WalletFrozen = "wallet.frozen";
    public const string WalletUnfrozen = "wallet.unfrozen";
    public const string SlaWarning = "sla.warning";
    public const string SlaHoldingReplyDue = "sla.holding-reply-due";
    public const string SlaBreached = "sla.breached";
    public const string DeliveryReported = "notification.delivery";
    public const string AutoResolutionChecked = "auto_resolution.checked";
    public const string AutoResolutionApplied = "auto_resolution.applied";
    public const string AutoResolutionConfirmed = "auto_resolution.confirmed";
    public const string AutoResolutionReversed = "auto_resolution.reversed";
    public const string PersonalDataErased = "personal_data.erased";
}
