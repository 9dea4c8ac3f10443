using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Redress.Notifications.Data;
using Redress.Notifications.Delivery;
using Redress.Notifications.Features;
using Redress.Notifications.Templates;
using Redress.SharedKernel.Hosting;
using Redress.SharedKernel.Persistence;
using Redress.SharedKernel.Security;

namespace Redress.Notifications;

public static class NotificationsModule
{
    /// <summary>
    /// Templates, inbox, senders and the delivery worker. The worker delivers only once some module registers an
    /// <see cref="SharedKernel.Outbox.IOutboxSource"/>; until then it logs that it is idle and stops.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<NotificationSettings>(configuration, NotificationSettings.SectionName);
        services.AddDbContext<NotificationsDbContext>((provider, options) =>
            options.UseRedressDatabase(provider.GetRequiredService<IOptions<DatabaseSettings>>().Value, "notifications"));
        services.AddModuleDatabase<NotificationsDbContext>("notifications");

        services.AddScoped<TemplateStore>();
        // Built by factory: the runner needs an IOutboxSource, which may not be registered yet, and start-up
        // validation must not refuse a host whose worker simply stays idle.
        services.AddScoped(provider => ActivatorUtilities.CreateInstance<DeliveryRunner>(provider));
        services.AddSingleton<IEmailTransport>(provider =>
            string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<NotificationSettings>>().Value.Smtp.Host)
                ? ActivatorUtilities.CreateInstance<PickupFolderEmailTransport>(provider)
                : ActivatorUtilities.CreateInstance<SmtpEmailTransport>(provider));
        services.TryAddSingleton<ISmsSender, FileSmsSender>();
        services.AddHostedService<NotificationWorker>();

        services.AddScoped<ReadTemplatesHandler>();
        services.AddScoped<UpdateTemplateHandler>();
        services.AddScoped<ListInboxHandler>();
        services.AddScoped<MarkInboxReadHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder endpoints)
    {
        // Administrators manage the wording; case workers send messages through the complaint, not here.
        var templates = endpoints.MapGroup("/api/notifications/templates").WithTags("Notifications")
            .RequireAuthorization(policy => policy.RequireRole(RedressRoles.Administrator));
        templates.MapReadTemplates();
        templates.MapUpdateTemplate();
        var inbox = endpoints.MapGroup("/api/inbox").WithTags("Inbox");
        inbox.MapListInbox();
        inbox.MapMarkInboxRead();
        return endpoints;
    }
}
