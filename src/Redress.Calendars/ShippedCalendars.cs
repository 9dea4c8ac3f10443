using Redress.SharedKernel;
using Redress.SharedKernel.Calendars;

namespace Redress.Calendars;

/// <summary>The calendar files shipped with Redress (2025–2027 for CN, GB, US and EU), read from embedded resources.</summary>
public static class ShippedCalendars
{
    public static IReadOnlyList<CalendarYear> Load()
    {
        var assembly = typeof(ShippedCalendars).Assembly;
        var years = new List<CalendarYear>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("calendars/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var fileName = resource["calendars/".Length..];
            if (!CalendarFile.TryParseName(fileName, out var jurisdiction, out var year))
            {
                throw new InvalidOperationException($"Shipped calendar '{fileName}' is misnamed.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var parsed = CalendarFile.Parse(jurisdiction, year, reader);
            years.Add(parsed.IsSuccess ? parsed.Value : throw new InvalidOperationException($"Shipped calendar '{fileName}' is invalid: {Describe(parsed.Error)}"));
        }

        return years;
    }

    private static string Describe(Error error) =>
        string.Join("; ", error.Fields?.Select(pair => $"{pair.Key}: {string.Join(" ", pair.Value)}") ?? [error.Message]);
}
