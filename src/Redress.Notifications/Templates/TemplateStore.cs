using Microsoft.EntityFrameworkCore;
using Redress.Notifications.Data;

namespace Redress.Notifications.Templates;

/// <summary>The template in force: the staff override where there is one, else the shipped default.</summary>
internal sealed class TemplateStore(NotificationsDbContext db)
{
    public async Task<MessageTemplate> GetAsync(string type, string channel, string culture, CancellationToken cancellationToken)
    {
        var stored = await db.Templates.AsNoTracking()
            .FirstOrDefaultAsync(t => t.EventType == type && t.Channel == channel && t.Culture == culture, cancellationToken);
        return stored is null ? ShippedTemplates.Get(type, channel, culture) : new MessageTemplate(stored.Subject, stored.Body);
    }
}
