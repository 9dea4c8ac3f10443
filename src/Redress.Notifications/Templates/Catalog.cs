using Redress.SharedKernel.Outbox;

namespace Redress.Notifications.Templates;

/// <summary>The channels a message goes out on.</summary>
public static class Channels
{
    public const string Email = "email";
    public const string Sms = "sms";
    public const string InApp = "inapp";

    public static IReadOnlyList<string> All { get; } = [Email, Sms, InApp];
}

/// <summary>The languages templates exist in; a recipient in any other language is written to in Chinese.</summary>
public static class TemplateCultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Chinese, English];

    /// <summary>"en-GB" → "en", "zh-Hans" → "zh-CN"; null when neither.</summary>
    public static string? Normalize(string? culture) => culture switch
    {
        null or "" => null,
        _ when culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) => Chinese,
        _ when culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) => English,
        _ => null,
    };
}

internal static class TemplateLimits
{
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 4000;
    public const int SmsMaxLength = 500;
}

/// <summary>An event type that reaches people: whom it is for and which placeholders its templates may use.</summary>
internal sealed record EventTemplateSpec(string Type, RecipientKind Audience, IReadOnlySet<string> Placeholders)
{
    /// <summary>Staff get alerts in the app and by email; SMS is for customers only.</summary>
    public IReadOnlyList<string> Channels => Audience == RecipientKind.Customer ? Templates.Channels.All : [Templates.Channels.Email, Templates.Channels.InApp];
}

internal static class EventCatalog
{
    public const string ComplaintNumber = "ComplaintNumber";
    public const string RecipientName = "RecipientName";
    public const string Deadline = "Deadline";
    public const string Question = "Question";
    public const string Reason = "Reason";
    public const string Outcome = "Outcome";
    public const string FinalResponse = "FinalResponse";
    public const string Decision = "Decision";
    public const string Amount = "Amount";

    private static readonly Dictionary<string, EventTemplateSpec> s_specs = new[]
    {
        Spec(OutboxEventTypes.Acknowledged, RecipientKind.Customer, Deadline),
        Spec(OutboxEventTypes.InformationRequested, RecipientKind.Customer, Question, Deadline),
        Spec(OutboxEventTypes.HoldingReply, RecipientKind.Customer, Reason, Deadline),
        Spec(OutboxEventTypes.Resolved, RecipientKind.Customer, Outcome, FinalResponse),
        Spec(OutboxEventTypes.AppealReceived, RecipientKind.Customer, Deadline),
        Spec(OutboxEventTypes.AppealDecided, RecipientKind.Customer, Decision, FinalResponse),
        Spec(OutboxEventTypes.AutoDecisionReversed, RecipientKind.Customer, Amount, Deadline),
        Spec(OutboxEventTypes.StaffAssigned, RecipientKind.Staff, Deadline),
        Spec(OutboxEventTypes.StaffNudged, RecipientKind.Staff),
        Spec(OutboxEventTypes.StaffSlaWarning, RecipientKind.Staff, Deadline),
        Spec(OutboxEventTypes.StaffSlaBreached, RecipientKind.Staff, Deadline),
    }.ToDictionary(spec => spec.Type, StringComparer.Ordinal);

    public static IEnumerable<EventTemplateSpec> All => s_specs.Values;

    public static EventTemplateSpec? Find(string type) => s_specs.GetValueOrDefault(type);

    private static EventTemplateSpec Spec(string type, RecipientKind audience, params string[] placeholders) =>
        new(type, audience, new HashSet<string>([ComplaintNumber, RecipientName, .. placeholders], StringComparer.Ordinal));
}
