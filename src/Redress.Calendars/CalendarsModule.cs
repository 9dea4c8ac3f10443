using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Redress.Calendars.Data;
using Redress.Calendars.Features;
using Redress.SharedKernel.Calendars;
using Redress.SharedKernel.Persistence;

namespace Redress.Calendars;

public static class CalendarsModule
{
    public static IServiceCollection AddCalendars(this IServiceCollection services)
    {
        services.AddDbContext<CalendarsDbContext>((provider, options) =>
            options.UseRedressDatabase(provider.GetRequiredService<IOptions<DatabaseSettings>>().Value, "calendars"));
        services.AddSingleton<IModuleDatabase, CalendarsDatabase>();
        services.AddSingleton<StoredCalendars>();
        services.AddSingleton<IBusinessCalendars>(provider => provider.GetRequiredService<StoredCalendars>());
        services.AddScoped<LoadCalendarYearHandler>();
        services.AddScoped<GetCalendarHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapCalendarsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/calendars").WithTags("Calendars");
        group.MapGetCalendar();
        group.MapLoadCalendarYear();
        return endpoints;
    }
}
