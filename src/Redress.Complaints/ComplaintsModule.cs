using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Redress.Complaints.Data;
using Redress.Complaints.Deadlines;
using Redress.Complaints.Features;
using Redress.SharedKernel.Demo;
using Redress.SharedKernel.Hosting;
using Redress.SharedKernel.Outbox;
using Redress.SharedKernel.Persistence;

namespace Redress.Complaints;

public static class ComplaintsModule
{
    public static IServiceCollection AddComplaints(this IServiceCollection services)
    {
        services.AddDbContext<ComplaintsDbContext>((provider, options) =>
            options.UseRedressDatabase(provider.GetRequiredService<IOptions<DatabaseSettings>>().Value, "complaints"));
        services.AddModuleDatabase<ComplaintsDbContext>("complaints");
        services.AddScoped<FileComplaintHandler>();
        services.AddScoped<GetComplaintHandler>();
        services.AddScoped<ListMyComplaintsHandler>();
        services.AddScoped<ListComplaintsHandler>();
        services.AddScoped<CaseWork>();
        services.AddScoped<CaseLifecycleHandler>();
        services.AddScoped<FinalResponseHandler>();
        services.AddScoped<ConversationHandler>();
        services.AddScoped<StaffQueuesHandler>();
        services.AddScoped<TimelineVerifier>();
        services.AddScoped<PersonalDataEraser>();
        services.AddScoped<InvestigationHandler>();
        services.AddScoped<RemediesHandler>();
        services.AddScoped<RemedyExecutor>();
        services.AddScoped<WalletFreezeHandler>();
        services.AddHostedService<RemedyWorker>();
        services.AddScoped<AutoResolver>();
        services.AddScoped<AutoReviewHandler>();
        services.AddHostedService<AutoResolutionWorker>();
        services.AddValidatedOptions<AutoResolutionOptions>(AutoResolutionOptions.SectionName);
        services.AddValidatedOptions<InvestigationOptions>(InvestigationOptions.SectionName);
        services.AddValidatedOptions<RemedyOptions>(RemedyOptions.SectionName);
        services.AddSingleton<IAttachmentStore, FileSystemAttachmentStore>();
        services.AddValidatedOptions<CaseHandlingOptions>(CaseHandlingOptions.SectionName);
        services.AddOptions<ExternalRoutesOptions>().BindConfiguration(ExternalRoutesOptions.SectionName);
        services.AddOptions<DeadlineSettings>().BindConfiguration(DeadlineSettings.SectionName);
        services.AddValidatedOptions<SlaMonitorOptions>(SlaMonitorOptions.SectionName);
        services.AddScoped<DeadlineClock>();
        services.AddScoped<SlaSweep>();
        services.AddScoped<AtRiskHandler>();
        services.AddScoped<ComplaintsOutbox>();
        services.AddScoped<IOutboxSource>(provider => provider.GetRequiredService<ComplaintsOutbox>());
        services.AddScoped<IDeliveryStatusSink>(provider => provider.GetRequiredService<ComplaintsOutbox>());
        services.AddHostedService<SlaMonitor>();
        services.AddScoped<IDemoSeeder, DemoComplaintsSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapComplaintsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/complaints").WithTags("Complaints");
        group.MapFileComplaint();
        group.MapListMyComplaints();
        group.MapListComplaints();
        group.MapGetComplaint();
        group.MapCaseLifecycle();
        group.MapConversation();
        group.MapFinalResponse();
        group.MapInvestigation();
        group.MapRemedies();
        group.MapWalletFreeze();
        group.MapAutoReview(endpoints);
        endpoints.MapStaffQueues();
        endpoints.MapAtRisk();
        return endpoints;
    }
}
