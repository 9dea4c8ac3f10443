using Microsoft.Extensions.Configuration;
using Redress.Calendars;
using Redress.Complaints.Deadlines;
using Redress.SharedKernel.Calendars;

namespace Redress.Complaints.Tests;

/// <summary>The deadline policies as the web host ships them in appsettings.json.</summary>
internal static class ShippedDeadlines
{
    public static DeadlineSettings Settings { get; } = Load();

    private static DeadlineSettings Load()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Redress.slnx")))
        {
            root = root.Parent;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(root!.FullName, "src", "Redress.Web", "appsettings.json"))
            .Build();
        var settings = new DeadlineSettings();
        configuration.GetSection(DeadlineSettings.SectionName).Bind(settings);
        return settings;
    }
}

/// <summary>The shipped calendars, as the calendars module serves them before anyone edits them.</summary>
internal sealed class ShippedBusinessCalendars : IBusinessCalendars
{
    private static readonly IReadOnlyList<CalendarYear> s_years = ShippedCalendars.Load();

    public Task<BusinessCalendar> ForAsync(string jurisdiction, CancellationToken cancellationToken) =>
        Task.FromResult(new BusinessCalendar(jurisdiction, s_years));
}
