using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

using Redress.SharedKernel;
using Redress.SharedKernel.Calendars;

namespace Redress.Calendars;

/// <summary>
/// Reads a calendar file: CSV with the header <c>date,kind,name</c>, one listed day per line, for one
/// jurisdiction and year (named like <c>CN-2026.csv</c>). A file with any fault is refused whole, with the line at fault.
/// </summary>
public static class CalendarFile
{
    private static readonly CsvConfiguration s_csv = new(CultureInfo.InvariantCulture)
    {
        HasHeaderRecord = true,
        TrimOptions = TrimOptions.Trim,
        DetectColumnCountChanges = true,
        MissingFieldFound = null,
        BadDataFound = null,
        AllowComments = true,
        Comment = '#',
    };

    public static Result<CalendarYear> Parse(string jurisdiction, int year, TextReader reader)
    {
        var errors = new ValidationErrors();
        var days = new List<CalendarDay>();
        var seen = new HashSet<DateOnly>();
        try
        {
            using var csv = new CsvReader(reader, s_csv);
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not ["date", "kind", "name"])
            {
                errors.Add("line 1", "The first line must be the header: date,kind,name");
                return errors.ToError();
            }

            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                var fault = ReadDay(csv, year, seen, out var day);
                if (fault is not null)
                {
                    errors.Add($"line {line}", fault);
                    continue;
                }

                days.Add(day!);
            }
        }
        catch (CsvHelperException exception)
        {
            errors.Add($"line {exception.Context?.Parser?.RawRow ?? 0}", "The line is not well-formed CSV with three fields.");
        }

        if (!errors.Any && days.Count == 0)
        {
            errors.Add("file", "The file lists no days.");
        }

        return errors.Any ? errors.ToError() : new CalendarYear(jurisdiction, year, days.OrderBy(d => d.Date).ToList());
    }

    /// <summary>Reads the jurisdiction and year from a file name such as <c>CN-2026.csv</c>.</summary>
    public static bool TryParseName(string fileName, out string jurisdiction, out int year)
    {
        jurisdiction = string.Empty;
        year = 0;
        var parts = Path.GetFileNameWithoutExtension(fileName).Split('-');
        if (parts.Length != 2 || parts[0].Length is < 2 or > 8 || !parts[0].All(char.IsAsciiLetterUpper)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out year) || year is < 2000 or > 2100)
        {
            year = 0;
            return false;
        }

        jurisdiction = parts[0];
        return true;
    }

    private static string? ReadDay(CsvReader csv, int year, HashSet<DateOnly> seen, out CalendarDay? day)
    {
        day = null;
        if (csv.Parser.Count != 3)
        {
            return "Expected three fields: date,kind,name.";
        }

        var dateText = csv.GetField(0) ?? string.Empty;
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return $"'{dateText}' is not a date in the form yyyy-MM-dd.";
        }

        if (date.Year != year)
        {
            return $"{dateText} is not in {year.ToString(CultureInfo.InvariantCulture)}, the year this file is for.";
        }

        CalendarDayKind kind;
        switch (csv.GetField(1))
        {
            case "holiday":
                kind = CalendarDayKind.Holiday;
                break;
            case "workday":
                kind = CalendarDayKind.Workday;
                if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                {
                    return $"{dateText} is a weekday; only a weekend day can be declared a working day.";
                }

                break;
            default:
                return $"'{csv.GetField(1)}' is not a kind of day; use holiday or workday.";
        }

        if (!seen.Add(date))
        {
            return $"{dateText} is listed twice.";
        }

        var name = csv.GetField(2) ?? string.Empty;
        if (name.Length is 0 or > 200)
        {
            return "Give the day a name of at most 200 characters.";
        }

        day = new CalendarDay(date, kind, name);
        return null;
    }
}
