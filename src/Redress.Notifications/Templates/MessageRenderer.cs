using System.Globalization;
using Redress.SharedKernel.Outbox;

namespace Redress.Notifications.Templates;

/// <summary>Turns an event into the values its templates use, formatted for the recipient's language.</summary>
internal static class MessageRenderer
{
    private static readonly CultureInfo s_chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo s_english = CultureInfo.GetCultureInfo("en-GB");

    public static RenderedMessage Render(MessageTemplate template, OutboxEvent outboxEvent, EventTemplateSpec spec, string recipientName, string culture)
    {
        var values = ValuesFor(outboxEvent, spec, recipientName, culture);
        var subject = template.Subject is null ? null : TemplateText.Fill(template.Subject, values).ReplaceLineEndings(" ");
        var text = TemplateText.Fill(template.Body, values);
        return new RenderedMessage(subject, text, TemplateText.ToHtml(text, culture, subject ?? outboxEvent.ComplaintNumber));
    }

    public static Dictionary<string, string> ValuesFor(OutboxEvent outboxEvent, EventTemplateSpec spec, string recipientName, string culture)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [EventCatalog.ComplaintNumber] = outboxEvent.ComplaintNumber,
            [EventCatalog.RecipientName] = recipientName,
        };
        foreach (var (key, value) in outboxEvent.Data)
        {
            // Producers name data after the placeholders; the case they use does not matter.
            var name = spec.Placeholders.FirstOrDefault(p => string.Equals(p, key, StringComparison.OrdinalIgnoreCase));
            if (name is not null && name is not EventCatalog.ComplaintNumber and not EventCatalog.RecipientName)
            {
                values[name] = Format(name, value, culture);
            }
        }

        return values;
    }

    private static string Format(string name, string value, string culture)
    {
        var chinese = culture == TemplateCultures.Chinese;
        switch (name)
        {
            case EventCatalog.Deadline when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return chinese ? date.ToString("yyyy年M月d日", s_chinese) : date.ToString("d MMMM yyyy", s_english);
            case EventCatalog.Deadline when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant):
                return chinese ? instant.ToString("yyyy年M月d日", s_chinese) : instant.ToString("d MMMM yyyy", s_english);
            case EventCatalog.Outcome or EventCatalog.Decision:
                return Outcome(value, chinese);
            default:
                return value;
        }
    }

    /// <summary>Outcome codes in words; anything else is shown as the producer wrote it.</summary>
    private static string Outcome(string code, bool chinese) => code switch
    {
        "Upheld" => chinese ? "支持您的投诉" : "we uphold your complaint",
        "PartlyUpheld" => chinese ? "部分支持您的投诉" : "we partly uphold your complaint",
        "NotUpheld" => chinese ? "未支持您的投诉" : "we do not uphold your complaint",
        _ => code,
    };
}
