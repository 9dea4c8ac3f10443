using System.Globalization;
using System.Resources;
using Redress.Complaints.Features;
using Redress.SharedKernel;

namespace Redress.Complaints.Letters;

/// <summary>
/// A remedy as the letter states it. Kinds are the domain's remedy names (Refund, Compensation, FeeReversal, Points,
/// Voucher, ServiceAdjustment); the amount is set for money remedies, the description for the others.
/// </summary>
internal sealed record LetterRemedy(string Kind, Money? Amount, string? Description);

/// <summary>A composed final response: what the app shows and the PDF prints, in the customer's language.</summary>
public sealed record FinalResponseLetter(
    string Culture, string Title, string ReferenceLine, string DateLine, string Addressee, IReadOnlyList<string> Paragraphs);

/// <summary>What the letter is about; gathered from the resolved complaint by the handler.</summary>
internal sealed record LetterFacts(
    string Number,
    string CustomerName,
    string Culture,
    TimeZoneInfo TimeZone,
    DateTimeOffset FiledAt,
    DateTimeOffset IssuedAt,
    ComplaintOutcome Outcome,
    ClosureCode ClosureCode,
    string Reasons,
    IReadOnlyList<LetterRemedy> Remedies);

/// <summary>
/// Writes the final response letter from the decision and the paragraphs the jurisdiction's policy requires
/// (<c>Deadlines:Policies:*:LetterRequirements</c>). Wording lives in LetterTexts.resx and LetterTexts.zh-CN.resx.
/// </summary>
internal static class FinalResponseComposer
{
    /// <summary>Requirement keys that shape which letter is sent rather than add a paragraph to this one.</summary>
    private static readonly HashSet<string> s_notParagraphs = new(StringComparer.Ordinal) { "SummaryResolutionByThirdBusinessDay" };

    private static readonly ResourceManager s_texts = new("Redress.Complaints.Resources.LetterTexts", typeof(FinalResponseComposer).Assembly);

    public static FinalResponseLetter Compose(LetterFacts facts, IEnumerable<string> requirements, IReadOnlyList<ExternalRoute> routes)
    {
        var culture = CultureInfo.GetCultureInfo(facts.Culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en");
        string Text(string key, params object?[] args)
        {
            var format = s_texts.GetString(key, culture) ?? throw new InvalidOperationException($"Letter text '{key}' is missing.");
            return args.Length == 0 ? format : string.Format(culture, format, args);
        }

        string Date(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, facts.TimeZone).ToString(Text("DateFormat"), culture);

        var paragraphs = new List<string>
        {
            Text("Intro", Date(facts.FiledAt)),
            Text("Outcome_" + facts.Outcome),
            Text("Reasons", facts.Reasons.Trim()),
        };
        if (facts.Remedies.Count > 0)
        {
            paragraphs.Add(string.Join('\n', [Text("RemediesIntro"), .. facts.Remedies.Select(r => Text("RemedyLine", RemedyText(r, Text, culture)))]));
        }

        foreach (var requirement in requirements.Where(r => !s_notParagraphs.Contains(r)))
        {
            if (Requirement(requirement, facts, routes, Text) is { } paragraph)
            {
                paragraphs.Add(paragraph);
            }
        }

        paragraphs.Add(Text("Closing"));
        return new FinalResponseLetter(
            culture.Name,
            Text("Title"),
            Text("ReferenceLine", facts.Number),
            Text("DateLine", Date(facts.IssuedAt)),
            Text("Salutation", facts.CustomerName),
            paragraphs);
    }

    private static string? Requirement(string key, LetterFacts facts, IReadOnlyList<ExternalRoute> routes, Func<string, object?[], string> text)
    {
        var route = routes.Count > 0 ? routes[0] : null;
        // China lists several routes (12363, 12315); the letter must name the central bank's line whatever the order.
        var pboc = routes.FirstOrDefault(r => r.Contact == "12363");
        // Reg E §1005.11(d): the explanation and the documents right apply when no error (or a different one) was found.
        var noError = facts.Outcome != ComplaintOutcome.Upheld;
        return key switch
        {
            "AddressAllPoints" or "FosReferralRight" or "FosSixMonths" or "FosWebsite" or "ResultsWithinThreeBusinessDays" => text("Req_" + key, []),
            "NoErrorExplanation" or "RightToDocuments" => noError ? text("Req_" + key, []) : null,
            "ClosureCode" => text("Closure_" + facts.ClosureCode, []),
            "AdrBody" => text("Req_AdrBody", [Named(route, key).Name, route!.Contact, route.Url]),
            "Pboc12363Route" => text("Req_Pboc12363Route", [Named(pboc, key).Contact, pboc!.Url]),
            _ => throw new InvalidOperationException($"No letter text for the requirement '{key}'; add it to LetterTexts.resx or correct Deadlines:Policies."),
        };
    }

    private static ExternalRoute Named(ExternalRoute? route, string key) =>
        route ?? throw new InvalidOperationException($"The letter requirement '{key}' needs a route in ExternalRoutes for the complaint's jurisdiction.");

    private static string RemedyText(LetterRemedy remedy, Func<string, object?[], string> text, CultureInfo culture)
    {
        string[] parts =
        [
            text("Remedy_" + remedy.Kind, []),
            .. remedy.Amount is { } amount ? [amount.ToString(culture)] : Array.Empty<string>(),
            .. string.IsNullOrWhiteSpace(remedy.Description) ? Array.Empty<string>() : [remedy.Description.Trim()],
        ];
        return string.Join(text("RemedyPartSeparator", []), parts);
    }
}
