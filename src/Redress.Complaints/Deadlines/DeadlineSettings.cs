namespace Redress.Complaints.Deadlines;

public enum DeadlineUnit
{
    BusinessDays,
    CalendarDays,
    Weeks,
}

/// <summary>A length of time as the rules state it: "15 business days", "8 weeks".</summary>
public sealed class DeadlineSpan
{
    public int Amount { get; set; }

    public DeadlineUnit Unit { get; set; } = DeadlineUnit.BusinessDays;

    public override string ToString() => $"{Amount} {Unit}";
}

/// <summary>One jurisdiction's complaint-handling clock. Values live in configuration: the rules change, the code does not.</summary>
public sealed class DeadlinePolicy
{
    /// <summary>Jurisdiction whose business-day calendar counts the days.</summary>
    public string Calendar { get; set; } = string.Empty;

    /// <summary>IANA time zone in which a day starts and ends for this policy.</summary>
    public string TimeZone { get; set; } = "UTC";

    public DeadlineSpan? Acknowledge { get; set; }

    /// <summary>When a holding reply is due if the final response will be late (the UK and EU 15/35-day rule).</summary>
    public DeadlineSpan? HoldingReply { get; set; }

    public DeadlineSpan Final { get; set; } = new();

    public DeadlineSpan? ExtendedFinal { get; set; }

    /// <summary>Whether time spent waiting on the customer's answer stops the clock.</summary>
    public bool PausesWhileWaitingOnCustomer { get; set; }

    /// <summary>What the final response letter must contain under this policy (keys of letter paragraphs).</summary>
    public IList<string> LetterRequirements { get; } = [];
}

/// <summary>Which policy applies: the first rule whose jurisdiction and (optional) channel match.</summary>
public sealed class DeadlineRule
{
    public string Jurisdiction { get; set; } = string.Empty;

    public ComplaintChannel? Channel { get; set; }

    public string Policy { get; set; } = string.Empty;
}

/// <summary>The <c>Deadlines</c> configuration section.</summary>
public sealed class DeadlineSettings
{
    public const string SectionName = "Deadlines";

    public IDictionary<string, DeadlinePolicy> Policies { get; } = new Dictionary<string, DeadlinePolicy>(StringComparer.Ordinal);

    public IList<DeadlineRule> Rules { get; } = [];

    public (string Name, DeadlinePolicy Policy)? Select(string jurisdiction, ComplaintChannel channel)
    {
        var rule = Rules.FirstOrDefault(r =>
            string.Equals(r.Jurisdiction, jurisdiction, StringComparison.OrdinalIgnoreCase) && (r.Channel is null || r.Channel == channel));
        return rule is not null && Policies.TryGetValue(rule.Policy, out var policy) ? (rule.Policy, policy) : null;
    }
}
