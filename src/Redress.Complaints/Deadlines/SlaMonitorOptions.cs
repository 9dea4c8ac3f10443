namespace Redress.Complaints.Deadlines;

/// <summary>The <c>SlaMonitor</c> configuration section.</summary>
public sealed class SlaMonitorOptions
{
    public const string SectionName = "SlaMonitor";

    /// <summary>Fractions of the time from filing to the final deadline at which the owner is warned, ascending.</summary>
    public IList<double> WarningFractions { get; } = [];

    /// <summary>How long before the holding-reply point the owner is prompted to send it.</summary>
    public TimeSpan HoldingReplyLead { get; set; } = TimeSpan.FromDays(2);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    public int BatchSize { get; set; } = 200;

    /// <summary>How long settled outbox delivery rows are kept before the monitor prunes them.</summary>
    public TimeSpan DeliveryRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The configured fractions, or 50 % and 80 % when none are configured.</summary>
    internal IReadOnlyList<double> Fractions => WarningFractions.Count > 0 ? [.. WarningFractions.Order()] : [0.5, 0.8];
}
