using System.ComponentModel.DataAnnotations;
namespace Redress.Complaints.Deadlines;

/// <summary>The <c>SlaMonitor</c> configuration section.</summary>
public sealed class SlaMonitorOptions : IValidatableObject
{
    public const string SectionName = "SlaMonitor";

    /// <summary>Fractions of the time from filing to the final deadline at which the owner is warned, ascending.</summary>
    public IList<double> WarningFractions { get; } = [];

    /// <summary>How long before the holding-reply point the owner is prompted to send it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan HoldingReplyLead { get; set; } = TimeSpan.FromDays(2);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>How long settled outbox delivery rows are kept before the monitor prunes them.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan DeliveryRetention { get; set; } = TimeSpan.FromDays(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WarningFractions.Any(f => f is <= 0 or >= 1))
        {
            yield return new ValidationResult("Each warning fraction must lie between 0 and 1, exclusive.", [nameof(WarningFractions)]);
        }
    }

    /// <summary>The configured fractions, or 50 % and 80 % when none are configured.</summary>
    internal IReadOnlyList<double> Fractions => WarningFractions.Count > 0 ? [.. WarningFractions.Order()] : [0.5, 0.8];
}
