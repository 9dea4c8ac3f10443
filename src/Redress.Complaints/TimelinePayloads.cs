using Redress.SharedKernel.Outbox;

namespace Redress.Complaints;

/// <summary>
/// The facts of one timeline entry, one sealed record per entry type (ADR 21). Only these reach the chain: what is
/// hashed is their canonical JSON (<see cref="TimelineJson"/>), and every reader gets the record back, never a
/// property looked up by name. Personal data (message bodies, the complaint's description and desired outcome,
/// attachment and letter content) appears only as salted digests whose salts live outside the chain.
/// </summary>
internal abstract record TimelinePayload
{
    /// <summary>The salted digests this entry commits to, each with the item its salt is stored under.</summary>
    public virtual IEnumerable<SealedDigest> Digests() => [];
}

/// <summary>
/// Names a payload record's entry type and schema version. Both are stored and hashed with the entry; a record whose
/// shape changes gets a new version (and keeps the old record for reading), never a silent edit.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class TimelineEventAttribute(string type, int version) : Attribute
{
    public string Type { get; } = type;

    public int Version { get; } = version;
}

/// <summary>A salted digest in a payload and the item (see <see cref="PersonalDataItems"/>) whose salt and content it was made from.</summary>
internal readonly record struct SealedDigest(string Item, string Digest);

/// <summary>A conversation entry as the chain commits to it: its id, kind, and salted digests of its words and files.</summary>
internal sealed record MessageRef(Guid Id, MessageKind Kind, string BodyDigest, IReadOnlyList<AttachmentRef> Attachments)
{
    public IEnumerable<SealedDigest> Digests() =>
        [new(PersonalDataItems.MessageBody(Id), BodyDigest), .. Attachments.Select(a => new SealedDigest(PersonalDataItems.Attachment(a.Id), a.Digest))];
}

/// <summary>A file sent with a message: its id and the salted digest of its bytes.</summary>
internal sealed record AttachmentRef(Guid Id, string Digest);

/// <summary>A remedy as a resolution lists it.</summary>
internal sealed record RemedyGiven(Guid Id, RemedyKind Kind, RemedyStatus Status, string? LedgerReference);

/// <summary>An entry that records a conversation entry (the words themselves live in <c>complaint_messages</c>).</summary>
internal abstract record MessagePayload(MessageRef Message) : TimelinePayload
{
    public override IEnumerable<SealedDigest> Digests() => Message.Digests();
}

[TimelineEvent(TimelineEventTypes.Received, 1)]
internal sealed record ComplaintReceived(
    ComplaintCategory Category,
    ComplaintChannel Channel,
    ComplaintPriority Priority,
    string Jurisdiction,
    DateTimeOffset OccurredAt,
    string? TransactionReference,
    long? AmountMinorUnits,
    string? Currency,
    string DescriptionDigest,
    string DesiredOutcomeDigest) : TimelinePayload
{
    public override IEnumerable<SealedDigest> Digests() =>
        [new(PersonalDataItems.Description, DescriptionDigest), new(PersonalDataItems.DesiredOutcome, DesiredOutcomeDigest)];
}

[TimelineEvent(TimelineEventTypes.Acknowledged, 1)]
internal sealed record ComplaintAcknowledged(DateTimeOffset? FinalDueAt) : TimelinePayload;

[TimelineEvent(TimelineEventTypes.Triaged, 1)]
internal sealed record ComplaintTriaged(
    ComplaintCategory FromCategory, ComplaintPriority FromPriority, ComplaintCategory Category, ComplaintPriority Priority) : TimelinePayload;

[TimelineEvent(TimelineEventTypes.Assigned, 1)]
internal sealed record ComplaintAssigned(Guid Assignee, Guid? Previous, bool Automatic) : TimelinePayload;

[TimelineEvent(TimelineEventTypes.InvestigationStarted, 1)]
internal sealed record InvestigationStarted : TimelinePayload;

[TimelineEvent(TimelineEventTypes.InformationRequested, 1)]
internal sealed record InformationRequested(MessageRef Message) : MessagePayload(Message);

[TimelineEvent(TimelineEventTypes.InformationProvided, 1)]
internal sealed record InformationProvided(MessageRef Message) : MessagePayload(Message);

[TimelineEvent(TimelineEventTypes.MessageSent, 1)]
internal sealed record MessageSent(MessageRef Message) : MessagePayload(Message);

[TimelineEvent(TimelineEventTypes.NoteAdded, 1)]
internal sealed record NoteAdded(MessageRef Message) : MessagePayload(Message);

/// <summary>The decision in clear (outcome, closure code, remedies given); the reasons as a message digest.</summary>
[TimelineEvent(TimelineEventTypes.Resolved, 1)]
internal sealed record ComplaintResolved(
    MessageRef Message, ComplaintOutcome Outcome, ClosureCode ClosureCode, IReadOnlyList<RemedyGiven> Remedies, string? Rule) : MessagePayload(Message);

[TimelineEvent(TimelineEventTypes.Accepted, 1)]
internal sealed record ComplaintAccepted : TimelinePayload;

[TimelineEvent(TimelineEventTypes.Appealed, 1)]
internal sealed record ComplaintAppealed(MessageRef Message) : MessagePayload(Message);

[TimelineEvent(TimelineEventTypes.ReviewStarted, 1)]
internal sealed record ReviewStarted(Guid Reviewer) : TimelinePayload;

[TimelineEvent(TimelineEventTypes.AppealDecided, 1)]
internal sealed record AppealDecided(MessageRef Message, ComplaintOutcome Outcome, ClosureCode ClosureCode) : MessagePayload(Message);

[TimelineEvent(TimelineEventTypes.Withdrawn, 1)]
internal sealed record ComplaintWithdrawn(ComplaintStage From) : TimelinePayload;

/// <summary>Staff's account of the escalation is free text: it is kept as an internal note, and the entry names it by digest.</summary>
[TimelineEvent(TimelineEventTypes.EscalatedExternally, 1)]
internal sealed record EscalatedExternally(MessageRef Message, ComplaintStage From) : MessagePayload(Message);

[TimelineEvent(TimelineEventTypes.MergedInto, 1)]
internal sealed record MergedInto(string Survivor) : TimelinePayload;

[TimelineEvent(TimelineEventTypes.DuplicateMergedIn, 1)]
internal sealed record DuplicateMergedIn(string Duplicate) : TimelinePayload;

[TimelineEvent(TimelineEventTypes.Nudged, 1)]
internal sealed record ComplaintNudged(ComplaintPriority From, ComplaintPriority Priority, Guid? Assignee) : TimelinePayload;

[TimelineEvent(TimelineEventTypes.HoldingReplySent, 1)]
internal sealed record HoldingReplySent(MessageRef Message, DateTimeOffset? PreviousFinalDueAt, DateTimeOffset? FinalDueAt) : MessagePayload(Message);

/// <summary>The letter's stored documents with salted digests of their bytes: the letter names the customer and quotes the reasons.</summary>
[TimelineEvent(TimelineEventTypes.FinalResponseIssued, 1)]
internal sealed record FinalResponseIssued(Guid? Pdf, string? PdfDigest, Guid Text, string TextDigest, string Culture) : TimelinePayload
{
    public override IEnumerable<SealedDigest> Digests() =>
        Pdf is { } pdf && PdfDigest is { } digest
            ? [new(PersonalDataItems.LetterDocument(pdf), digest), new(PersonalDataItems.LetterDocument(Text), TextDigest)]
            : [new(PersonalDataItems.LetterDocument(Text), TextDigest)];
}

[TimelineEvent(TimelineEventTypes.Investigated, 1)]
internal sealed record ComplaintInvestigated(
    IReadOnlyList<string> Findings,
    string? Match,
    bool? AmountMatches,
    bool? TimeMatches,
    long? RefundedMinorUnits,
    IReadOnlyList<string> Fees,
    IReadOnlyList<string> LikelyDuplicates) : TimelinePayload;

/// <summary>One step of a remedy, amount and state in clear; the five remedy entries share this shape.</summary>
internal abstract record RemedyStep(
    Guid Remedy,
    RemedyKind Kind,
    long? AmountMinorUnits,
    string? Currency,
    long? Points,
    string? TransactionReference,
    string? LedgerReference,
    string? IdempotencyKey,
    RemedyStatus Status,
    string? FailureCode,
    bool Resumed) : TimelinePayload
{
    public static RemedyStep For(string type, Remedy remedy, bool resumed)
    {
        var key = remedy.MovesMoney ? remedy.IdempotencyKey : null;
        return type switch
        {
            TimelineEventTypes.RemedyProposed => new RemedyProposed(
                remedy.Id, remedy.Kind, remedy.AmountMinorUnits, remedy.Currency, remedy.Points, remedy.TransactionReference, remedy.LedgerReference, key, remedy.Status, remedy.FailureCode, resumed),
            TimelineEventTypes.RemedyApproved => new RemedyApproved(
                remedy.Id, remedy.Kind, remedy.AmountMinorUnits, remedy.Currency, remedy.Points, remedy.TransactionReference, remedy.LedgerReference, key, remedy.Status, remedy.FailureCode, resumed),
            TimelineEventTypes.RemedyRequested => new RemedyRequested(
                remedy.Id, remedy.Kind, remedy.AmountMinorUnits, remedy.Currency, remedy.Points, remedy.TransactionReference, remedy.LedgerReference, key, remedy.Status, remedy.FailureCode, resumed),
            TimelineEventTypes.RemedyExecuted => new RemedyExecuted(
                remedy.Id, remedy.Kind, remedy.AmountMinorUnits, remedy.Currency, remedy.Points, remedy.TransactionReference, remedy.LedgerReference, key, remedy.Status, remedy.FailureCode, resumed),
            TimelineEventTypes.RemedyFailed => new RemedyFailed(
                remedy.Id, remedy.Kind, remedy.AmountMinorUnits, remedy.Currency, remedy.Points, remedy.TransactionReference, remedy.LedgerReference, key, remedy.Status, remedy.FailureCode, resumed),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a remedy entry type"),
        };
    }
}

[TimelineEvent(TimelineEventTypes.RemedyProposed, 1)]
internal sealed record RemedyProposed(
    Guid Remedy, RemedyKind Kind, long? AmountMinorUnits, string? Currency, long? Points, string? TransactionReference, string? LedgerReference, string? IdempotencyKey, RemedyStatus Status, string? FailureCode, bool Resumed)
    : RemedyStep(Remedy, Kind, AmountMinorUnits, Currency, Points, TransactionReference, LedgerReference, IdempotencyKey, Status, FailureCode, Resumed);

[TimelineEvent(TimelineEventTypes.RemedyApproved, 1)]
internal sealed record RemedyApproved(
    Guid Remedy, RemedyKind Kind, long? AmountMinorUnits, string? Currency, long? Points, string? TransactionReference, string? LedgerReference, string? IdempotencyKey, RemedyStatus Status, string? FailureCode, bool Resumed)
    : RemedyStep(Remedy, Kind, AmountMinorUnits, Currency, Points, TransactionReference, LedgerReference, IdempotencyKey, Status, FailureCode, Resumed);

[TimelineEvent(TimelineEventTypes.RemedyRequested, 1)]
internal sealed record RemedyRequested(
    Guid Remedy, RemedyKind Kind, long? AmountMinorUnits, string? Currency, long? Points, string? TransactionReference, string? LedgerReference, string? IdempotencyKey, RemedyStatus Status, string? FailureCode, bool Resumed)
    : RemedyStep(Remedy, Kind, AmountMinorUnits, Currency, Points, TransactionReference, LedgerReference, IdempotencyKey, Status, FailureCode, Resumed);

[TimelineEvent(TimelineEventTypes.RemedyExecuted, 1)]
internal sealed record RemedyExecuted(
    Guid Remedy, RemedyKind Kind, long? AmountMinorUnits, string? Currency, long? Points, string? TransactionReference, string? LedgerReference, string? IdempotencyKey, RemedyStatus Status, string? FailureCode, bool Resumed)
    : RemedyStep(Remedy, Kind, AmountMinorUnits, Currency, Points, TransactionReference, LedgerReference, IdempotencyKey, Status, FailureCode, Resumed);

[TimelineEvent(TimelineEventTypes.RemedyFailed, 1)]
internal sealed record RemedyFailed(
    Guid Remedy, RemedyKind Kind, long? AmountMinorUnits, string? Currency, long? Points, string? TransactionReference, string? LedgerReference, string? IdempotencyKey, RemedyStatus Status, string? FailureCode, bool Resumed)
    : RemedyStep(Remedy, Kind, AmountMinorUnits, Currency, Points, TransactionReference, LedgerReference, IdempotencyKey, Status, FailureCode, Resumed);

/// <summary>What the ledger answered to a freeze: the account's status, or the refusal's code.</summary>
[TimelineEvent(TimelineEventTypes.WalletFrozen, 1)]
internal sealed record WalletFrozen(Guid Account, string Result) : TimelinePayload;

[TimelineEvent(TimelineEventTypes.WalletUnfrozen, 1)]
internal sealed record WalletUnfrozen(Guid Account, string Result) : TimelinePayload;

[TimelineEvent(TimelineEventTypes.SlaWarning, 1)]
internal sealed record SlaWarning(double Fraction, DateTimeOffset? FinalDueAt, Guid? Owner) : TimelinePayload;

[TimelineEvent(TimelineEventTypes.SlaHoldingReplyDue, 1)]
internal sealed record SlaHoldingReplyDue(DateTimeOffset? HoldingReplyBy, DateTimeOffset? ExtendedFinalBy, Guid? Owner) : TimelinePayload;

/// <summary>A breach tells the owner and, through <see cref="EscalateTo"/>, every member of that role.</summary>
[TimelineEvent(TimelineEventTypes.SlaBreached, 1)]
internal sealed record SlaBreached(DateTimeOffset? FinalDueAt, Guid? Owner, string EscalateTo) : TimelinePayload;

/// <summary>Names the event, channel and outcome only, so a repeated report is recognised as the same entry.</summary>
[TimelineEvent(TimelineEventTypes.DeliveryReported, 1)]
internal sealed record DeliveryReported(long Event, string Channel, DeliveryOutcome Outcome) : TimelinePayload;

/// <summary>Why the automatic check ended without a decision (<see cref="Reason"/> is a code, never free text).</summary>
[TimelineEvent(TimelineEventTypes.AutoResolutionChecked, 1)]
internal sealed record AutoResolutionChecked(
    bool Applied, string? Rule, string Reason, IReadOnlyList<string>? Findings, long? CapMinorUnits, string? FailureCode, string? LedgerReference) : TimelinePayload;

/// <summary>What the ledger showed when a rule decided: the customer-visible explanation.</summary>
[TimelineEvent(TimelineEventTypes.AutoResolutionApplied, 1)]
internal sealed record AutoResolutionApplied(
    string Rule,
    string Transaction,
    string Type,
    string Status,
    long AmountMinorUnits,
    string Currency,
    DateTimeOffset CreatedAt,
    string? Counterparty,
    long RefundedMinorUnits,
    long RemedyMinorUnits,
    string? RelatedTransaction,
    DateTimeOffset? PromisedBy,
    string? LedgerReference) : TimelinePayload;

[TimelineEvent(TimelineEventTypes.AutoResolutionConfirmed, 1)]
internal sealed record AutoResolutionConfirmed(string? Rule) : TimelinePayload;

[TimelineEvent(TimelineEventTypes.AutoResolutionReversed, 1)]
internal sealed record AutoResolutionReversed(
    string? Rule, Guid Remedy, string? LedgerReference, string ReversalReference, long? AmountMinorUnits, string? Currency) : TimelinePayload;

/// <summary>
/// A lawful erasure: the named items' content and salts were deleted. Their digests stay in earlier entries, where
/// they no longer reveal anything; <c>audit verify</c> accepts a missing salt for exactly these items.
/// </summary>
[TimelineEvent(TimelineEventTypes.PersonalDataErased, 1)]
internal sealed record PersonalDataErased(IReadOnlyList<string> Items, string Basis) : TimelinePayload;
