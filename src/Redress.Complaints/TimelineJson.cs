using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Redress.Complaints;

/// <summary>
/// The one canonical form of a payload (ADR 21): UTF-8 JSON written by the source-generated
/// <see cref="TimelineJsonContext"/>: a record's own properties in declaration order, then those of the record it
/// derives from (the order the generator fixes at compile time), camelCase names, no
/// indentation or whitespace, nulls written, enums as their names, Guids in "D" form, instants as
/// <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c> (UTC, microseconds), numbers as System.Text.Json writes them (invariant),
/// and every non-ASCII or HTML-sensitive character escaped, so the stored text and the hashed bytes are the same
/// ASCII. Payloads are read back by entry type and schema version to their record, never by property name.
/// </summary>
internal static class TimelineJson
{
    private static readonly FrozenDictionary<(string Type, int Version), JsonTypeInfo> s_byName;
    private static readonly FrozenDictionary<Type, TimelineEventAttribute> s_byRecord;

    static TimelineJson()
    {
        var records = typeof(TimelinePayload).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(TimelinePayload)) && !t.IsAbstract)
            .ToList();
        var byRecord = new Dictionary<Type, TimelineEventAttribute>();
        var byName = new Dictionary<(string, int), JsonTypeInfo>();
        foreach (var record in records)
        {
            var named = record.GetCustomAttribute<TimelineEventAttribute>()
                ?? throw new InvalidOperationException($"{record.Name} has no [TimelineEvent] type and version.");
            var info = TimelineJsonContext.Default.GetTypeInfo(record)
                ?? throw new InvalidOperationException($"{record.Name} is not in {nameof(TimelineJsonContext)}.");
            byRecord.Add(record, named);
            byName.Add((named.Type, named.Version), info);
        }

        s_byRecord = byRecord.ToFrozenDictionary();
        s_byName = byName.ToFrozenDictionary();
    }

    /// <summary>Every payload record with its entry type and schema version.</summary>
    public static IReadOnlyDictionary<Type, TimelineEventAttribute> Records => s_byRecord;

    public static TimelineEventAttribute Describe(TimelinePayload payload) => s_byRecord[payload.GetType()];

    /// <summary>The canonical bytes of a payload; also what is stored (as text: the bytes are ASCII).</summary>
    public static byte[] Canonical(TimelinePayload payload) =>
        JsonSerializer.SerializeToUtf8Bytes(payload, TimelineJsonContext.Default.GetTypeInfo(payload.GetType())!);

    /// <summary>The record stored under this entry type and schema version; throws when the pair or the shape is unknown.</summary>
    public static TimelinePayload Read(string type, int version, string payload)
    {
        if (!s_byName.TryGetValue((type, version), out var info))
        {
            throw new JsonException($"No payload record for {type} version {version}.");
        }

        return (TimelinePayload)(JsonSerializer.Deserialize(payload, info) ?? throw new JsonException($"A {type} payload is null."));
    }
}

/// <summary>Instants in the canonical form: UTC, exactly six fractional digits, <c>Z</c>; anything finer is cut off.</summary>
internal sealed class UtcMicrosecondsConverter : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.ParseExact(reader.GetString()!, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = false,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    Converters = [typeof(UtcMicrosecondsConverter)])]
[JsonSerializable(typeof(ComplaintReceived))]
[JsonSerializable(typeof(ComplaintAcknowledged))]
[JsonSerializable(typeof(ComplaintTriaged))]
[JsonSerializable(typeof(ComplaintAssigned))]
[JsonSerializable(typeof(InvestigationStarted))]
[JsonSerializable(typeof(InformationRequested))]
[JsonSerializable(typeof(InformationProvided))]
[JsonSerializable(typeof(MessageSent))]
[JsonSerializable(typeof(NoteAdded))]
[JsonSerializable(typeof(ComplaintResolved))]
[JsonSerializable(typeof(ComplaintAccepted))]
[JsonSerializable(typeof(ComplaintAppealed))]
[JsonSerializable(typeof(ReviewStarted))]
[JsonSerializable(typeof(AppealDecided))]
[JsonSerializable(typeof(ComplaintWithdrawn))]
[JsonSerializable(typeof(EscalatedExternally))]
[JsonSerializable(typeof(MergedInto))]
[JsonSerializable(typeof(DuplicateMergedIn))]
[JsonSerializable(typeof(ComplaintNudged))]
[JsonSerializable(typeof(HoldingReplySent))]
[JsonSerializable(typeof(FinalResponseIssued))]
[JsonSerializable(typeof(ComplaintInvestigated))]
[JsonSerializable(typeof(RemedyProposed))]
[JsonSerializable(typeof(RemedyApproved))]
[JsonSerializable(typeof(RemedyRequested))]
[JsonSerializable(typeof(RemedyExecuted))]
[JsonSerializable(typeof(RemedyFailed))]
[JsonSerializable(typeof(WalletFrozen))]
[JsonSerializable(typeof(WalletUnfrozen))]
[JsonSerializable(typeof(SlaWarning))]
[JsonSerializable(typeof(SlaHoldingReplyDue))]
[JsonSerializable(typeof(SlaBreached))]
[JsonSerializable(typeof(DeliveryReported))]
[JsonSerializable(typeof(AutoResolutionChecked))]
[JsonSerializable(typeof(AutoResolutionApplied))]
[JsonSerializable(typeof(AutoResolutionConfirmed))]
[JsonSerializable(typeof(AutoResolutionReversed))]
[JsonSerializable(typeof(PersonalDataErased))]
internal sealed partial class TimelineJsonContext : JsonSerializerContext;
