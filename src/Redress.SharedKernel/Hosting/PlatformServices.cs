using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Redress.SharedKernel.Demo;
using Redress.SharedKernel.Persistence;

namespace Redress.SharedKernel.Hosting;

public static class PlatformServices
{
    /// <summary>What every host needs before modules: settings, the clock and localization.</summary>
    public static IServiceCollection AddRedressPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DatabaseSettings>(configuration, DatabaseSettings.SectionName);
        services.AddValidatedOptions<DemoSettings>(configuration, DemoSettings.SectionName);
        services.AddSingleton(TimeProvider.System);
        services.AddLocalization();
        return services;
    }
}
