using Microsoft.Extensions.Configuration;
using Redress.Complaints.Deadlines;
using Redress.Complaints.Features;

namespace Redress.Complaints.Tests;

/// <summary>The host's shipped configuration (src/Redress.Web/appsettings.json), so tests check what production runs.</summary>
internal static class ShippedSettings
{
    private static readonly Lazy<IConfiguration> s_configuration = new(Load);

    public static DeadlineSettings Deadlines()
    {
        var settings = new DeadlineSettings();
        s_configuration.Value.GetSection(DeadlineSettings.SectionName).Bind(settings);
        return settings;
    }

    public static ExternalRoutesOptions Routes()
    {
        var routes = new ExternalRoutesOptions();
        s_configuration.Value.GetSection(ExternalRoutesOptions.SectionName).Bind(routes);
        return routes;
    }

    private static IConfiguration Load()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Redress.slnx")))
        {
            root = root.Parent;
        }

        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(root!.FullName, "src", "Redress.Web", "appsettings.json"))
            .Build();
    }
}
