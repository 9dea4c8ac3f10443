using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Redress.Notifications.Templates;

/// <summary>A message ready to send: subject or title (null for SMS), plain text, and HTML for email.</summary>
internal sealed record RenderedMessage(string? Subject, string Text, string Html);

/// <summary>
/// Placeholder substitution and nothing more: <c>{Name}</c> is replaced by a value, every other character is
/// literal. Templates are edited by staff, so they must not be able to run code or inject markup; the HTML
/// form escapes the whole filled-in text, values and template alike.
/// </summary>
internal static partial class TemplateText
{
    /// <summary>Names the faults of a template text: unknown placeholders and braces that belong to none.</summary>
    public static IReadOnlyList<string> Check(string text, IReadOnlySet<string> allowed)
    {
        var problems = new List<string>();
        foreach (Match match in Token().Matches(text))
        {
            var name = match.Groups["name"];
            if (!name.Success)
            {
                problems.Add($"The brace at position {match.Index + 1} belongs to no placeholder; placeholders look like {{ComplaintNumber}}.");
            }
            else if (!allowed.Contains(name.Value))
            {
                problems.Add($"Unknown placeholder {{{name.Value}}}; this message may use {string.Join(", ", allowed.Order(StringComparer.Ordinal).Select(p => "{" + p + "}"))}.");
            }
        }

        return problems;
    }

    /// <summary>Fills placeholders; one without a value becomes empty rather than showing its name to a customer.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Token().Replace(text, match => match.Groups["name"] is { Success: true } name && values.TryGetValue(name.Value, out var value) ? value : string.Empty);

    /// <summary>Simple HTML for email: the text escaped, blank lines as paragraphs, line breaks kept.</summary>
    public static string ToHtml(string text, string culture, string title)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{WebUtility.HtmlEncode(culture)}\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head>")
            .Append("<body style=\"font-family: sans-serif; line-height: 1.5;\">");
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        return html.Append("</body></html>").ToString();
    }

    [GeneratedRegex(@"\{(?<name>[^{}]*)\}|[{}]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Token();
}
