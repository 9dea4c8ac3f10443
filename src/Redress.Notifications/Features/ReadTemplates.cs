using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Redress.Notifications.Data;
using Redress.Notifications.Templates;
using Redress.SharedKernel;
using Redress.SharedKernel.Http;

namespace Redress.Notifications.Features;

/// <summary>A template in force, with the placeholders it may use; <see cref="Customized"/> when staff replaced the shipped text.</summary>
public sealed record TemplateView(
    string EventType,
    string Channel,
    string Culture,
    string? Subject,
    string Body,
    bool Customized,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<string> Placeholders);

/// <summary>Every template in force, and one of them; for administrators editing the wording.</summary>
public sealed class ReadTemplatesHandler(NotificationsDbContext db)
{
    public async Task<IReadOnlyList<TemplateView>> ListAsync(CancellationToken cancellationToken)
    {
        var overrides = await db.Templates.AsNoTracking().ToListAsync(cancellationToken);
        return [.. EventCatalog.All
            .SelectMany(spec => spec.Channels.SelectMany(channel => TemplateCultures.All.Select(culture => (spec, channel, culture))))
            .Select(key => View(key.spec, key.channel, key.culture, overrides.FirstOrDefault(o => o.EventType == key.spec.Type && o.Channel == key.channel && o.Culture == key.culture)))];
    }

    public async Task<Result<TemplateView>> GetAsync(string type, string channel, string culture, CancellationToken cancellationToken)
    {
        if (TemplateKey.Find(type, channel, culture) is not { } spec)
        {
            return TemplateKey.NotFound(type, channel, culture);
        }

        var stored = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.EventType == type && t.Channel == channel && t.Culture == culture, cancellationToken);
        return View(spec, channel, culture, stored);
    }

    internal static TemplateView View(EventTemplateSpec spec, string channel, string culture, TemplateOverride? stored)
    {
        var template = stored is null ? ShippedTemplates.Get(spec.Type, channel, culture) : new MessageTemplate(stored.Subject, stored.Body);
        return new TemplateView(spec.Type, channel, culture, template.Subject, template.Body, stored is not null, stored?.UpdatedAt, [.. spec.Placeholders.Order(StringComparer.Ordinal)]);
    }
}

internal static class TemplateKey
{
    /// <summary>The event's spec when the type, channel and culture name a template that exists.</summary>
    public static EventTemplateSpec? Find(string type, string channel, string culture) =>
        EventCatalog.Find(type) is { } spec && spec.Channels.Contains(channel) && TemplateCultures.All.Contains(culture) ? spec : null;

    public static Error NotFound(string type, string channel, string culture) =>
        Error.NotFound("template_not_found", $"There is no {channel} template for '{type}' in '{culture}'.");
}

internal static class ReadTemplatesEndpoints
{
    public static void MapReadTemplates(this RouteGroupBuilder group)
    {
        group.MapGet("/", async (ReadTemplatesHandler handler, CancellationToken cancellationToken) => TypedResults.Ok(await handler.ListAsync(cancellationToken)))
            .WithName("ListNotificationTemplates")
            .WithSummary("Every message template in force, per event type, channel and language");
        group.MapGet("/{type}/{channel}/{culture}", async Task<Results<Ok<TemplateView>, ProblemHttpResult>> (string type, string channel, string culture, ReadTemplatesHandler handler, CancellationToken cancellationToken) =>
            {
                var result = await handler.GetAsync(type, channel, culture, cancellationToken);
                return result.ToHttp();
            })
            .WithName("GetNotificationTemplate")
            .WithSummary("One message template in force")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
