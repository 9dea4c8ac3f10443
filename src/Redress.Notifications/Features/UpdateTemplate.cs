using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Redress.Notifications.Data;
using Redress.Notifications.Templates;
using Redress.SharedKernel;
using Redress.SharedKernel.Http;
using Redress.SharedKernel.Security;

namespace Redress.Notifications.Features;

/// <summary>New wording for one template. SMS has no subject; email and in-app messages need one.</summary>
public sealed record UpdateTemplateRequest(string? Subject, [Required] string? Body);

/// <summary>
/// Replaces a template's wording. Refused, naming the field, when it uses a placeholder the event does not
/// provide, has a stray brace, is empty or too long: a message that would reach customers half-filled is never stored.
/// </summary>
public sealed partial class UpdateTemplateHandler(NotificationsDbContext db, TimeProvider time, ILogger<UpdateTemplateHandler> logger)
{
    public async Task<Result<TemplateView>> HandleAsync(string type, string channel, string culture, UpdateTemplateRequest request, Guid editedBy, CancellationToken cancellationToken)
    {
        if (TemplateKey.Find(type, channel, culture) is not { } spec)
        {
            return TemplateKey.NotFound(type, channel, culture);
        }

        var errors = new ValidationErrors();
        var subject = string.IsNullOrWhiteSpace(request.Subject) ? null : request.Subject.Trim();
        if (channel == Channels.Sms)
        {
            if (subject is not null)
            {
                errors.Add("subject", "A text message has no subject; leave it out.");
            }
        }
        else if (subject is null)
        {
            errors.Add("subject", channel == Channels.Email ? "An email needs a subject." : "An in-app message needs a title.");
        }
        else if (subject.Length > TemplateLimits.SubjectMaxLength || subject.Any(char.IsControl))
        {
            errors.Add("subject", $"The subject must be one line of at most {TemplateLimits.SubjectMaxLength} characters.");
        }
        else
        {
            foreach (var problem in TemplateText.Check(subject, spec.Placeholders))
            {
                errors.Add("subject", problem);
            }
        }

        var maxBody = channel == Channels.Sms ? TemplateLimits.SmsMaxLength : TemplateLimits.BodyMaxLength;
        var body = request.Body?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(body))
        {
            errors.Add("body", "The message needs a body.");
        }
        else if (body.Length > maxBody)
        {
            errors.Add("body", $"The body must be at most {maxBody} characters.");
        }
        else
        {
            foreach (var problem in TemplateText.Check(body, spec.Placeholders))
            {
                errors.Add("body", problem);
            }
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var stored = await db.Templates.FirstOrDefaultAsync(t => t.EventType == type && t.Channel == channel && t.Culture == culture, cancellationToken);
        if (stored is null)
        {
            stored = new TemplateOverride { EventType = type, Channel = channel, Culture = culture, Body = body!, UpdatedAt = time.GetUtcNow(), UpdatedBy = editedBy };
            db.Templates.Add(stored);
        }

        stored.Subject = subject;
        stored.Body = body!;
        stored.UpdatedAt = time.GetUtcNow();
        stored.UpdatedBy = editedBy;
        await db.SaveChangesAsync(cancellationToken);
        LogUpdated(logger, type, channel, culture, editedBy);
        return ReadTemplatesHandler.View(spec, channel, culture, stored);
    }

    [LoggerMessage(EventId = 4020, Level = LogLevel.Information, Message = "Template {EventType}/{Channel}/{Culture} changed by {UserId}")]
    private static partial void LogUpdated(ILogger logger, string eventType, string channel, string culture, Guid userId);
}

internal static class UpdateTemplateEndpoint
{
    public static void MapUpdateTemplate(this RouteGroupBuilder group) =>
        group.MapPut("/{type}/{channel}/{culture}", async Task<Results<Ok<TemplateView>, ProblemHttpResult>> (
                string type, string channel, string culture, UpdateTemplateRequest request, HttpContext context, UpdateTemplateHandler handler, CancellationToken cancellationToken) =>
            {
                var actor = Actor.FromPrincipal(context.User)!;
                var result = await handler.HandleAsync(type, channel, culture, request, actor.UserId, cancellationToken);
                return result.ToHttp();
            })
            .WithName("UpdateNotificationTemplate")
            .WithSummary("Replace the wording of one message template")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
