using Redress.Notifications.Templates;
using Redress.SharedKernel.Outbox;

namespace Redress.Notifications.Tests;

public sealed class TemplateTests
{
    public static TheoryData<string, string, string> EveryShippedTemplate()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var spec in EventCatalog.All)
        {
            foreach (var channel in spec.Channels)
            {
                foreach (var culture in TemplateCultures.All)
                {
                    data.Add(spec.Type, channel, culture);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryShippedTemplate))]
    public void Every_shipped_template_exists_uses_only_its_placeholders_and_names_the_complaint(string type, string channel, string culture)
    {
        var spec = EventCatalog.Find(type)!;
        var template = ShippedTemplates.Get(type, channel, culture);

        Assert.Empty(TemplateText.Check(template.Body, spec.Placeholders));
        Assert.Empty(TemplateText.Check(template.Subject ?? string.Empty, spec.Placeholders));
        Assert.Equal(channel == Channels.Sms, template.Subject is null);
        Assert.Contains("{ComplaintNumber}", (template.Subject ?? string.Empty) + template.Body, StringComparison.Ordinal);
        if (channel == Channels.Sms)
        {
            Assert.True(template.Body.Length <= 140, $"{type} SMS in {culture} is {template.Body.Length} characters");
        }
    }

    [Fact]
    public void A_resolution_renders_in_chinese_and_english_with_outcome_and_dates_in_the_readers_language()
    {
        var spec = EventCatalog.Find(OutboxEventTypes.Resolved)!;
        var outboxEvent = new OutboxEvent(7, "RD-7K3M", Guid.NewGuid(), RecipientKind.Customer, OutboxEventTypes.Resolved, "zh-CN", default,
            new Dictionary<string, string> { ["outcome"] = "Upheld", ["FinalResponse"] = "退款已到账。" });

        var chinese = MessageRenderer.Render(ShippedTemplates.Get(spec.Type, Channels.Email, "zh-CN"), outboxEvent, spec, "王小明", "zh-CN");
        var english = MessageRenderer.Render(ShippedTemplates.Get(spec.Type, Channels.Email, "en"), outboxEvent, spec, "Wang Xiaoming", "en");

        Assert.Equal("关于您的投诉 RD-7K3M 的答复", chinese.Subject);
        Assert.StartsWith("王小明，您好：", chinese.Text, StringComparison.Ordinal);
        Assert.Contains("处理结论：支持您的投诉。", chinese.Text, StringComparison.Ordinal);
        Assert.Contains("退款已到账。", chinese.Text, StringComparison.Ordinal);
        Assert.Equal("Our answer to your complaint RD-7K3M", english.Subject);
        Assert.Contains("Our decision: we uphold your complaint.", english.Text, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", english.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_cannot_inject_markup_into_the_html_and_placeholders_inside_values_are_not_expanded()
    {
        var spec = EventCatalog.Find(OutboxEventTypes.InformationRequested)!;
        var outboxEvent = new OutboxEvent(1, "RD-1", Guid.NewGuid(), RecipientKind.Customer, spec.Type, "en", default,
            new Dictionary<string, string> { ["Question"] = "<script>alert(1)</script> {ComplaintNumber}", ["Deadline"] = "2026-12-01" });

        var rendered = MessageRenderer.Render(new MessageTemplate("Q", "Line one\n{Question}\n\nDue {Deadline}"), outboxEvent, spec, "A & B", "en");

        Assert.DoesNotContain("<script>", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; {ComplaintNumber}", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("<p>Line one<br>", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("<p>Due 1 December 2026</p>", rendered.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hello {Nmae}", "Unknown placeholder {Nmae}")]
    [InlineData("Costs {Amount}", "Unknown placeholder {Amount}")]
    [InlineData("Deadline {Deadline", "brace at position 10")]
    [InlineData("}", "brace at position 1")]
    public void Faults_in_a_template_are_named(string text, string expected)
    {
        var problems = TemplateText.Check(text, EventCatalog.Find(OutboxEventTypes.Acknowledged)!.Placeholders);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Backoff_doubles_with_jitter_and_stops_growing_at_the_cap()
    {
        var baseDelay = TimeSpan.FromSeconds(30);
        var max = TimeSpan.FromHours(1);

        Assert.Equal(TimeSpan.FromSeconds(24), Delivery.Backoff.After(1, baseDelay, max, 0));
        Assert.Equal(TimeSpan.FromSeconds(60), Delivery.Backoff.After(2, baseDelay, max, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(144), Delivery.Backoff.After(3, baseDelay, max, 1));
        Assert.Equal(TimeSpan.FromHours(1), Delivery.Backoff.After(20, baseDelay, max, 0.5));
    }
}
