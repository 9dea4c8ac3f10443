using System.Text.Json;
using Redress.SharedKernel;
using Redress.SharedKernel.Security;

namespace Redress.Complaints;

/// <summary>A customer's complaint. State changes only through its methods, each of which appends to the timeline.</summary>
internal sealed class Complaint
{
    private readonly List<TimelineEvent> _timeline = [];

    private Complaint()
    {
    }

    public long Id { get; private set; }

    /// <summary>Canonical complaint number (nine symbols); see <see cref="ComplaintNumber"/>.</summary>
    public string Number { get; private set; } = string.Empty;

    public Guid CustomerId { get; private set; }

    public ComplaintCategory Category { get; private set; }

    public ComplaintChannel Channel { get; private set; }

    public ComplaintStage Stage { get; private set; }

    public WaitingOn WaitingOn { get; private set; }

    public ComplaintPriority Priority { get; private set; }

    /// <summary>Whose complaint rules apply: CN, GB, EU or US.</summary>
    public string Jurisdiction { get; private set; } = string.Empty;

    /// <summary>The customer's language when filing, for every message about this complaint.</summary>
    public string Culture { get; private set; } = string.Empty;

    public string Description { get; private set; } = string.Empty;

    public string DesiredOutcome { get; private set; } = string.Empty;

    public DateTimeOffset OccurredAt { get; private set; }

    public string? TransactionReference { get; private set; }

    public long? AmountMinorUnits { get; private set; }

    public string? Currency { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<TimelineEvent> Timeline => _timeline;

    public Money? Amount => AmountMinorUnits is { } minor && SharedKernel.Currency.TryFind(Currency, out var currency)
        ? new Money(minor, currency.Value)
        : null;

    public static Complaint File(ValidComplaint details, Actor customer, ComplaintChannel channel, ComplaintNumber number, DateTimeOffset now)
    {
        var complaint = new Complaint
        {
            Number = number.Value,
            CustomerId = customer.UserId,
            Category = details.Category,
            Channel = channel,
            Stage = ComplaintStage.Received,
            WaitingOn = WaitingOn.Operator,
            Priority = details.Category == ComplaintCategory.AccountSecurity ? ComplaintPriority.High : ComplaintPriority.Normal,
            Jurisdiction = customer.Jurisdiction,
            Culture = customer.Culture,
            Description = details.Description,
            DesiredOutcome = details.DesiredOutcome,
            OccurredAt = details.OccurredAt,
            TransactionReference = details.TransactionReference,
            AmountMinorUnits = details.Amount?.MinorUnits,
            Currency = details.Amount?.Currency.Code,
            FiledAt = now,
            UpdatedAt = now,
        };

        var payload = JsonSerializer.Serialize(new ReceivedPayload(complaint.Category.ToString(), channel.ToString(), complaint.Priority.ToString()));
        complaint._timeline.Add(TimelineEvent.Create(
            complaint.Number, 1, TimelineEventTypes.Received, now, customer.UserId, customer.PrimaryRole, payload, TimelineEvent.GenesisHash));
        return complaint;
    }

    public bool IsVisibleTo(Actor actor) => actor.IsCaseWorker || (actor.IsCustomer && actor.UserId == CustomerId);

    private sealed record ReceivedPayload(string Category, string Channel, string Priority);
}

/// <summary>Complaint details that passed validation; only the filing handler makes these.</summary>
internal sealed record ValidComplaint(
    ComplaintCategory Category,
    string Description,
    string DesiredOutcome,
    DateTimeOffset OccurredAt,
    string? TransactionReference,
    Money? Amount);
