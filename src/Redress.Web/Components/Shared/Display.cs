using System.Globalization;
using Microsoft.Extensions.Localization;
using Redress.Complaints;
using Redress.Complaints.Features;
using Redress.SharedKernel;
using Redress.Web.Localization;

namespace Redress.Web.Components.Shared;

/// <summary>The three steps a customer sees, whatever the internal stage.</summary>
internal enum ProgressStep
{
    Received,
    InProgress,
    Answered,
}

/// <summary>How the pages show complaint facts: localized enum names, money with its currency, times in the reader's zone.</summary>
internal static class Display
{
    public static string Category(this IStringLocalizer<UiText> text, ComplaintCategory category) => text[$"Category_{category}"];

    public static string Stage(this IStringLocalizer<UiText> text, ComplaintStage stage) => text[$"Stage_{stage}"];

    public static string Priority(this IStringLocalizer<UiText> text, ComplaintPriority priority) => text[$"Priority_{priority}"];

    public static string Role(this IStringLocalizer<UiText> text, string role) => text[$"Role_{role}"];

    public static string Outcome(this IStringLocalizer<UiText> text, ComplaintOutcome outcome) => text[$"Outcome_{outcome}"];

    public static string Closure(this IStringLocalizer<UiText> text, ClosureCode code) => text[$"Closure_{code}"];

    public static string Kind(this IStringLocalizer<UiText> text, MessageKind kind) => text[$"Kind_{kind}"];

    /// <summary>Plain-language line for a timeline entry; an event type this UI does not know yet still shows, generically.</summary>
    public static string TimelineEvent(this IStringLocalizer<UiText> text, string type)
    {
        var entry = text[$"Event_{type}"];
        return entry.ResourceNotFound ? text["Event_Other"] : entry;
    }

    /// <summary>The entry's line; a delivery report says which channel and how it went ("Email notification: sent").</summary>
    public static string TimelineEvent(this IStringLocalizer<UiText> text, TimelineEntryView entry)
    {
        if (entry.Delivery is not { } delivery)
        {
            return text.TimelineEvent(entry.Type);
        }

        var channel = text[$"DeliveryChannel_{delivery.Channel}"];
        var outcome = text[$"DeliveryOutcome_{delivery.Outcome}"];
        return text["DeliveryReport", channel.ResourceNotFound ? delivery.Channel : channel.Value, outcome.ResourceNotFound ? delivery.Outcome : outcome.Value];
    }

    /// <summary>"CNY 1,234.50": the code always travels with the amount, in the currency's own number of decimals.</summary>
    public static string Money(MoneyView money) =>
        Currency.TryFind(money.Currency, out var currency)
            ? new Money(money.MinorUnits, currency.Value).ToString(CultureInfo.CurrentCulture)
            : $"{money.Currency} {money.Amount.ToString("N", CultureInfo.CurrentCulture)}";

    /// <summary>The zone a jurisdiction's customers live by; what they type and read is in this zone.</summary>
    public static TimeZoneInfo TimeZoneFor(string jurisdiction) => TimeZoneInfo.FindSystemTimeZoneById(jurisdiction switch
    {
        "GB" => "Europe/London",
        "US" => "America/New_York",
        "EU" => "Europe/Paris",
        _ => "Asia/Shanghai",
    });

    public static string DateTime(DateTimeOffset value, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(value, zone).ToString("g", CultureInfo.CurrentCulture);

    public static string Date(DateTimeOffset value, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(value, zone).ToString("d", CultureInfo.CurrentCulture);

    /// <summary>Machine-readable form for the time element's datetime attribute.</summary>
    public static string Iso(DateTimeOffset value) => value.ToString("o", CultureInfo.InvariantCulture);

    public static ProgressStep Step(ComplaintStage stage) => stage switch
    {
        ComplaintStage.Received or ComplaintStage.Acknowledged => ProgressStep.Received,
        ComplaintStage.Resolved or ComplaintStage.Closed or ComplaintStage.Withdrawn or ComplaintStage.Merged => ProgressStep.Answered,
        _ => ProgressStep.InProgress,
    };

    public static bool IsOpen(ComplaintStage stage) => Step(stage) != ProgressStep.Answered;

    /// <summary>Status colour: green when answered, amber when the customer has the next move, neutral otherwise.</summary>
    public static string StatusClass(ComplaintStage stage, WaitingOn waitingOn) =>
        Step(stage) == ProgressStep.Answered ? "status status-done"
        : waitingOn == WaitingOn.Customer ? "status status-you"
        : "status status-open";

    public static string PriorityClass(ComplaintPriority priority) =>
        priority == ComplaintPriority.Normal ? "priority" : "priority priority-raised";

    /// <summary>The currency a jurisdiction's customers most likely pay in, to spare them choosing it.</summary>
    public static string HomeCurrency(string jurisdiction) => jurisdiction switch
    {
        "GB" => "GBP",
        "US" => "USD",
        "EU" => "EUR",
        _ => "CNY",
    };

    /// <summary>Only same-site paths: an open redirect would let a phishing link borrow our domain.</summary>
    public static bool IsLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
