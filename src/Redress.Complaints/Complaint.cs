using System.ComponentModel.DataAnnotations;
using Redress.Complaints.Deadlines;
using Redress.SharedKernel;
using Redress.SharedKernel.Security;

namespace Redress.Complaints;

/// <summary>A customer's complaint. State changes only through its methods, each of which appends to the timeline.</summary>
internal sealed class Complaint
{
    /// <summary>The role recorded on entries the platform writes by itself, such as SLA warnings.</summary>
    public const string SystemRole = "system";

    private readonly List<TimelineEvent> _timeline = [];
    private readonly List<ComplaintMessage> _messages = [];
    private readonly List<PersonalDataSalt> _salts = [];
    private int _headSequence;
    private string? _headHash;

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

    /// <summary>The case worker who owns the complaint; null while it waits in the unassigned queue.</summary>
    public Guid? AssigneeId { get; private set; }

    public ComplaintOutcome? Outcome { get; private set; }

    public ClosureCode? ClosureCode { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public Guid? ResolvedById { get; private set; }

    /// <summary>Set once the customer appeals: one appeal only.</summary>
    public DateTimeOffset? AppealedAt { get; private set; }

    public Guid? ReviewerId { get; private set; }

    public DateTimeOffset? LastNudgedAt { get; private set; }

    /// <summary>For a merged duplicate: the complaint that carries on (stored form of its number).</summary>
    public string? MergedIntoNumber { get; private set; }

    /// <summary>The deadline policy chosen at filing (a key of the <c>Deadlines:Policies</c> configuration); null when none applies.</summary>
    public string? DeadlinePolicy { get; private set; }

    public DateTimeOffset? AcknowledgeBy { get; private set; }

    public DateTimeOffset? HoldingReplyBy { get; private set; }

    public DateTimeOffset? FinalDueAt => Sla.FinalDueAt;

    public DateTimeOffset? ExtendedFinalBy { get; private set; }

    /// <summary>When staff sent the holding reply; from then on the final deadline is <see cref="ExtendedFinalBy"/>.</summary>
    public DateTimeOffset? HoldingReplySentAt { get; private set; }

    /// <summary>False when a deadline was counted into a year whose calendar was not loaded; staff are told to check it.</summary>
    public bool CalendarComplete { get; private set; } = true;

    /// <summary>Whether the policy stops the clock while the complaint waits on the customer.</summary>
    public bool DeadlinesPauseForCustomer { get; private set; }

    /// <summary>Since when the clock stands still, waiting on the customer; null while it runs.</summary>
    public DateTimeOffset? PausedSince { get; private set; }

    /// <summary>Business days the clock stood still over all finished pauses; moves business-day deadlines.</summary>
    public int PausedBusinessDays { get; private set; }

    /// <summary>Calendar days the clock stood still over all finished pauses; moves calendar-day and week deadlines.</summary>
    public int PausedCalendarDays { get; private set; }

    /// <summary>How many of the configured warning fractions the SLA monitor has already announced.</summary>
    public int SlaWarningsSent => Sla.SlaWarningsSent;

    public DateTimeOffset? HoldingReplyPromptedAt => Sla.HoldingReplyPromptedAt;

    public DateTimeOffset? BreachedAt => Sla.BreachedAt;

    /// <summary>Warned or breached while the clock runs: on the staff "at risk" list until the complaint is answered or ends.</summary>
    public bool AtRisk => Sla.AtRisk;

    /// <summary>When the SLA monitor must next look at this complaint; null when the clock is stopped or nothing is left to announce.</summary>
    public DateTimeOffset? NextSlaCheckAt => Sla.NextSlaCheckAt;

    /// <summary>The SLA schedule's stored form (its own table, ADR 18); queries filter and order on it.</summary>
    public SlaSchedule Sla { get; private set; } = new();

    /// <summary>
    /// When the automatic-resolution worker must look at this complaint; set at filing when a rule is switched on for
    /// its jurisdiction, cleared once the worker has applied a rule or found none applies.
    /// </summary>
    public DateTimeOffset? AutoCheckDueAt { get; private set; }

    /// <summary>Where a supervisor's review of an automatic decision stands; null when no rule decided this complaint.</summary>
    public AutoDecisionReview? AutoDecision { get; private set; }

    /// <summary>The automatic rule that decided the complaint (see <c>AutoRules</c>), kept after a reversal.</summary>
    public string? AutoRule { get; private set; }

    /// <summary>Optimistic concurrency token, bumped by every change, so two writers on a stale copy cannot both win.</summary>
    public int Version { get; private set; }

    /// <summary>Events appended since load (or all of them for a new complaint); the stored timeline is read separately.</summary>
    public IReadOnlyList<TimelineEvent> Timeline => _timeline;

    /// <summary>Conversation entries added since load.</summary>
    public IReadOnlyList<ComplaintMessage> Messages => _messages;

    /// <summary>Salts of personal data drawn since load (stored outside the chain, ADR 21).</summary>
    public IReadOnlyList<PersonalDataSalt> Salts => _salts;

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

        complaint._headHash = TimelineEvent.GenesisHash;
        complaint.Append(
            customer,
            now,
            new ComplaintReceived(
                complaint.Category,
                channel,
                complaint.Priority,
                complaint.Jurisdiction,
                complaint.OccurredAt,
                complaint.TransactionReference,
                complaint.AmountMinorUnits,
                complaint.Currency,
                complaint.Seal(PersonalDataItems.Description, details.Description),
                complaint.Seal(PersonalDataItems.DesiredOutcome, details.DesiredOutcome)));
        return complaint;
    }

    /// <summary>Sets the deadlines, at filing or recomputed after a pause; the caller computes them on the policy's calendar.</summary>
    public void SetDeadlines(DeadlineSchedule schedule, bool pausesForCustomer)
    {
        DeadlinePolicy = schedule.Policy;
        AcknowledgeBy = schedule.AcknowledgeBy;
        HoldingReplyBy = schedule.HoldingReplyBy;
        ExtendedFinalBy = schedule.ExtendedFinalBy;
        // A holding reply promised the customer the extended date; a recomputation after a pause keeps that promise.
        Sla.FinalDueAt = HoldingReplySentAt is not null && schedule.ExtendedFinalBy is { } extended ? extended : schedule.FinalBy;
        CalendarComplete = schedule.CalendarComplete;
        DeadlinesPauseForCustomer = pausesForCustomer;
    }

    /// <summary>Stops the clock while the complaint waits on the customer, where the policy allows it.</summary>
    public bool PauseClock(DateTimeOffset now)
    {
        if (!DeadlinesPauseForCustomer || PausedSince is not null || WaitingOn != WaitingOn.Customer || !CaseRules.Open.Contains(Stage))
        {
            return false;
        }

        PausedSince = now;
        Sla.NextSlaCheckAt = null;
        return true;
    }

    /// <summary>Restarts the clock once the customer has answered, adding the time it stood still to the running totals.</summary>
    public void ResumeClock(int pausedBusinessDays, int pausedCalendarDays)
    {
        PausedSince = null;
        PausedBusinessDays += pausedBusinessDays;
        PausedCalendarDays += pausedCalendarDays;
    }

    public void ScheduleSlaCheck(DateTimeOffset? at) => Sla.NextSlaCheckAt = at;

    /// <summary>Stops the clock for good: the complaint has left the open stages or been answered.</summary>
    public void StopClock()
    {
        PausedSince = null;
        Sla.NextSlaCheckAt = null;
        Sla.AtRisk = false;
    }

    /// <summary>Records what the SLA monitor announced and when it must look again.</summary>
    public void RecordSlaCheck(int warningsSent, DateTimeOffset? holdingReplyPromptedAt, DateTimeOffset? breachedAt, DateTimeOffset? nextCheckAt)
    {
        Sla.SlaWarningsSent = warningsSent;
        Sla.HoldingReplyPromptedAt = holdingReplyPromptedAt;
        Sla.BreachedAt = breachedAt;
        Sla.NextSlaCheckAt = nextCheckAt;
        Sla.AtRisk = warningsSent > 0 || breachedAt is not null;
    }

    /// <summary>An entry the platform writes by itself (SLA points, delivery reports); internal, for staff.</summary>
    public TimelineEvent AppendSystem(DateTimeOffset now, TimelinePayload facts) =>
        Append(actorId: null, SystemRole, now, facts, Visibility.Internal);

    public bool IsVisibleTo(Actor actor) => actor.IsCaseWorker || (actor.IsCustomer && actor.UserId == CustomerId);

    /// <summary>Where the stored chain ends; must be set from the last stored event before any change to a loaded complaint.</summary>
    public void ContinueTimeline(int lastSequence, string lastHash)
    {
        _headSequence = lastSequence;
        _headHash = lastHash;
    }

    /// <summary>The actions <paramref name="actor"/> may take now; the UI shows exactly these.</summary>
    public IReadOnlyList<CaseAction> AllowedActions(Actor actor, DateTimeOffset now, CaseHandlingOptions options) =>
        [.. Enum.GetValues<CaseAction>().Where(action => Check(action, actor) is null && ExtraCheck(action, actor, now, options) is null)];

    public DateTimeOffset? AppealDeadline(CaseHandlingOptions options) =>
        ResolvedAt is { } resolved && AppealedAt is null ? resolved.AddDays(options.AppealWindowDays) : null;

    public Result<TimelineEvent> Acknowledge(Actor staff, DateTimeOffset now)
    {
        if (Check(CaseAction.Acknowledge, staff) is { } refused)
        {
            return refused;
        }

        Stage = ComplaintStage.Acknowledged;
        return Append(staff, now, new ComplaintAcknowledged(FinalDueAt));
    }

    public Result<TimelineEvent> Triage(Actor staff, ComplaintCategory category, ComplaintPriority priority, DateTimeOffset now)
    {
        if (Check(CaseAction.Triage, staff) is { } refused)
        {
            return refused;
        }

        var facts = new ComplaintTriaged(Category, Priority, category, priority);
        Category = category;
        Priority = priority;
        Stage = ComplaintStage.Triaged;
        return Append(staff, now, facts, Visibility.Internal);
    }

    /// <summary>
    /// Gives the complaint to <paramref name="assignee"/>. An agent may take an unassigned complaint for themselves
    /// or have one assigned automatically; moving a complaint away from its owner is for supervisors.
    /// </summary>
    public Result<TimelineEvent> Assign(Actor staff, Guid assignee, bool automatic, DateTimeOffset now)
    {
        if (Check(CaseAction.Assign, staff) is { } refused)
        {
            return refused;
        }

        var isSupervisor = staff.Roles.Contains(RedressRoles.Supervisor);
        if (AssigneeId == assignee)
        {
            return CaseErrors.Conflict("already_assigned");
        }

        if (AssigneeId is not null && !isSupervisor)
        {
            return CaseErrors.Forbidden("reassign_needs_supervisor");
        }

        if (!isSupervisor && !automatic && assignee != staff.UserId)
        {
            return CaseErrors.Forbidden("assign_self_only");
        }

        var previous = AssigneeId;
        AssigneeId = assignee;
        return Append(staff, now, new ComplaintAssigned(assignee, previous, automatic), Visibility.Internal);
    }

    public Result<TimelineEvent> StartInvestigation(Actor staff, DateTimeOffset now)
    {
        if (Check(CaseAction.StartInvestigation, staff) is { } refused)
        {
            return refused;
        }

        Stage = ComplaintStage.Investigating;
        return Append(staff, now, new InvestigationStarted());
    }

    /// <summary>Asks the customer for information: the move passes to them until they answer.</summary>
    public Result<ComplaintMessage> RequestInformation(Actor staff, string question, DateTimeOffset now)
    {
        if (Check(CaseAction.RequestInformation, staff) is { } refused)
        {
            return refused;
        }

        if (WaitingOn == WaitingOn.Customer)
        {
            return CaseErrors.Conflict("already_waiting_on_customer");
        }

        WaitingOn = WaitingOn.Customer;
        return AddMessage(staff, MessageKind.InformationRequest, question, [], now, m => new InformationRequested(m));
    }

    /// <summary>A message in the conversation. A customer's message while information is requested answers it and hands the move back.</summary>
    public Result<ComplaintMessage> SendMessage(Actor actor, string body, IReadOnlyList<AttachedFile> attachments, DateTimeOffset now)
    {
        if (Check(CaseAction.SendMessage, actor) is { } refused)
        {
            return refused;
        }

        var answers = actor.UserId == CustomerId && WaitingOn == WaitingOn.Customer && Stage != ComplaintStage.Resolved;
        if (answers)
        {
            WaitingOn = WaitingOn.Operator;
        }

        return AddMessage(actor, MessageKind.Message, body, attachments, now, m => answers ? new InformationProvided(m) : new MessageSent(m));
    }

    /// <summary>A note for staff only: it never reaches the customer, and its timeline entry is internal.</summary>
    public Result<ComplaintMessage> AddNote(Actor staff, string body, DateTimeOffset now)
    {
        if (Check(CaseAction.AddNote, staff) is { } refused)
        {
            return refused;
        }

        return AddMessage(staff, MessageKind.Note, body, [], now, m => new NoteAdded(m));
    }

    /// <summary>Resolves with the outcome; the remedies given so far are recorded with it.</summary>
    public Result<ComplaintMessage> Resolve(Actor staff, ComplaintOutcome outcome, ClosureCode closureCode, string reasons, DateTimeOffset now, IReadOnlyList<Remedy>? remedies = null)
    {
        if (Check(CaseAction.Resolve, staff) is { } refused)
        {
            return refused;
        }

        Stage = ComplaintStage.Resolved;
        WaitingOn = WaitingOn.Customer;
        Outcome = outcome;
        ClosureCode = closureCode;
        ResolvedAt = now;
        ResolvedById = staff.UserId;
        RemedyGiven[] given = [.. (remedies ?? []).Select(r => new RemedyGiven(r.Id, r.Kind, r.Status, r.LedgerReference))];
        return AddMessage(staff, MessageKind.Resolution, reasons, [], now, m => new ComplaintResolved(m, outcome, closureCode, given, Rule: null));
    }

    /// <summary>
    /// Records that the final response letter was issued: its stored PDF and text with their SHA-256, so the chain
    /// vouches for the exact letter the customer received. Staff only, and only once there is a decision to report.
    /// </summary>
    public Result<FinalResponseIssued> IssueFinalResponse(Actor staff, LetterDocuments letter, DateTimeOffset now)
    {
        if (!staff.IsCaseWorker)
        {
            return CaseErrors.Forbidden("final_response_staff_only");
        }

        if (Outcome is null || Stage is ComplaintStage.Withdrawn or ComplaintStage.Merged)
        {
            return CaseErrors.Conflict("final_response_needs_decision");
        }

        var issued = new FinalResponseIssued(
            letter.PdfId,
            letter.PdfId is { } pdf && letter.Pdf is { } bytes ? Seal(PersonalDataItems.LetterDocument(pdf), bytes.Span) : null,
            letter.TextId,
            Seal(PersonalDataItems.LetterDocument(letter.TextId), letter.Text.Span),
            letter.Culture);
        Append(staff, now, issued);
        return issued;
    }

    public Result<TimelineEvent> Accept(Actor customer, DateTimeOffset now)
    {
        if (Check(CaseAction.Accept, customer) is { } refused)
        {
            return refused;
        }

        Stage = ComplaintStage.Closed;
        WaitingOn = WaitingOn.Operator;
        return Append(customer, now, new ComplaintAccepted());
    }

    public Result<ComplaintMessage> Appeal(Actor customer, string reasons, DateTimeOffset now, CaseHandlingOptions options)
    {
        if ((Check(CaseAction.Appeal, customer) ?? ExtraCheck(CaseAction.Appeal, customer, now, options)) is { } refused)
        {
            return refused;
        }

        Stage = ComplaintStage.Appealed;
        WaitingOn = WaitingOn.Operator;
        AppealedAt = now;
        return AddMessage(customer, MessageKind.Appeal, reasons, [], now, m => new ComplaintAppealed(m));
    }

    /// <summary>A supervisor who neither owned nor resolved the complaint takes the appeal.</summary>
    public Result<TimelineEvent> StartReview(Actor supervisor, DateTimeOffset now)
    {
        if ((Check(CaseAction.StartReview, supervisor) ?? ExtraCheck(CaseAction.StartReview, supervisor, now, CaseHandlingOptions.Default)) is { } refused)
        {
            return refused;
        }

        Stage = ComplaintStage.Reviewing;
        ReviewerId = supervisor.UserId;
        return Append(supervisor, now, new ReviewStarted(supervisor.UserId));
    }

    /// <summary>The final decision: the complaint closes with the reviewer's outcome.</summary>
    public Result<ComplaintMessage> DecideAppeal(Actor supervisor, ComplaintOutcome outcome, ClosureCode closureCode, string reasons, DateTimeOffset now)
    {
        if ((Check(CaseAction.DecideAppeal, supervisor) ?? ExtraCheck(CaseAction.DecideAppeal, supervisor, now, CaseHandlingOptions.Default)) is { } refused)
        {
            return refused;
        }

        Stage = ComplaintStage.Closed;
        WaitingOn = WaitingOn.Operator;
        Outcome = outcome;
        ClosureCode = closureCode;
        return AddMessage(supervisor, MessageKind.AppealDecision, reasons, [], now, m => new AppealDecided(m, outcome, closureCode));
    }

    public Result<TimelineEvent> Withdraw(Actor customer, DateTimeOffset now)
    {
        if (Check(CaseAction.Withdraw, customer) is { } refused)
        {
            return refused;
        }

        var from = Stage;
        Stage = ComplaintStage.Withdrawn;
        return Append(customer, now, new ComplaintWithdrawn(from));
    }

    /// <summary>
    /// Records that a regulator or another third party is now involved; the move is theirs. Staff's account of it is
    /// free text, so it is kept as an internal note and the customer-visible entry commits to its digest.
    /// </summary>
    public Result<ComplaintMessage> EscalateExternally(Actor staff, string body, DateTimeOffset now)
    {
        if (Check(CaseAction.EscalateExternally, staff) is { } refused)
        {
            return refused;
        }

        var from = Stage;
        Stage = ComplaintStage.EscalatedExternally;
        WaitingOn = WaitingOn.ThirdParty;
        return AddMessage(staff, MessageKind.Note, body, [], now, m => new EscalatedExternally(m, from), Visibility.Customer);
    }

    /// <summary>Folds this duplicate into <paramref name="survivor"/>: both timelines record the link, in one transaction.</summary>
    public Result<TimelineEvent> MergeInto(Complaint survivor, Actor staff, DateTimeOffset now)
    {
        if ((Check(CaseAction.Merge, staff) ?? survivor.Check(CaseAction.Merge, staff)) is { } refused)
        {
            return refused;
        }

        if (survivor.Number == Number)
        {
            return CaseErrors.Conflict("merge_into_itself");
        }

        if (survivor.CustomerId != CustomerId)
        {
            return CaseErrors.Conflict("merge_other_customer");
        }

        Stage = ComplaintStage.Merged;
        MergedIntoNumber = survivor.Number;
        survivor.Append(staff, now, new DuplicateMergedIn(Number));
        return Append(staff, now, new MergedInto(survivor.Number));
    }

    /// <summary>
    /// The holding reply (UK DISP 1.6.2A, EU PSD2 Art. 101): tells the customer why the final answer is late and by
    /// when it will come, which moves the final deadline to the policy's extended one. Once, and only where the
    /// policy has a holding-reply point and it has not passed. The SLA warnings start again on the new span.
    /// </summary>
    public Result<ComplaintMessage> SendHoldingReply(Actor staff, string reasons, DateTimeOffset now)
    {
        if ((Check(CaseAction.SendHoldingReply, staff) ?? ExtraCheck(CaseAction.SendHoldingReply, staff, now, CaseHandlingOptions.Default)) is { } refused)
        {
            return refused;
        }

        var previous = FinalDueAt;
        HoldingReplySentAt = now;
        Sla.FinalDueAt = ExtendedFinalBy;
        Sla.SlaWarningsSent = 0;
        Sla.AtRisk = false;
        return AddMessage(staff, MessageKind.HoldingReply, reasons, [], now, m => new HoldingReplySent(m, previous, FinalDueAt));
    }

    /// <summary>The customer's follow-up: at most once per interval; raises the priority and shows on the timeline and in the owner's queue.</summary>
    public Result<TimelineEvent> Nudge(Actor customer, DateTimeOffset now, CaseHandlingOptions options)
    {
        if ((Check(CaseAction.Nudge, customer) ?? ExtraCheck(CaseAction.Nudge, customer, now, options)) is { } refused)
        {
            return refused;
        }

        var from = Priority;
        Priority = Priority == ComplaintPriority.Normal ? ComplaintPriority.High : ComplaintPriority.Urgent;
        LastNudgedAt = now;
        return Append(customer, now, new ComplaintNudged(from, Priority, AssigneeId));
    }

    /// <summary>Marks a new complaint for the automatic-resolution worker (no timeline entry: nothing has happened yet).</summary>
    public void ScheduleAutoCheck(DateTimeOffset now) => AutoCheckDueAt = now;

    /// <summary>The automatic check ends without a decision: no rule applied, a cap held it back, or the ledger refused.</summary>
    public TimelineEvent FinishAutoCheck(AutoResolutionChecked facts, DateTimeOffset now, bool paidAwaitingReview = false)
    {
        AutoCheckDueAt = null;
        if (paidAwaitingReview)
        {
            AutoDecision = AutoDecisionReview.AwaitingReview;
        }

        return AppendSystem(now, facts);
    }

    /// <summary>
    /// The platform resolves the complaint on a rule's behalf once the rule's remedy is paid: a customer-visible entry
    /// says which rule and what the ledger showed, then the usual resolution (upheld, monetary relief) with the
    /// explanation as its reasons, so the letter and the notification follow as for a person's decision.
    /// </summary>
    public Result<ComplaintMessage> ResolveAutomatically(Actor platform, string rule, AutoResolutionApplied explanation, string reasons, Remedy remedy, DateTimeOffset now)
    {
        if (!s_autoResolvable.Contains(Stage))
        {
            return CaseErrors.Conflict("action_not_allowed_at_stage");
        }

        AutoCheckDueAt = null;
        AutoDecision = AutoDecisionReview.AwaitingReview;
        AutoRule = rule;
        Append(platform, now, explanation);
        Stage = ComplaintStage.Resolved;
        WaitingOn = WaitingOn.Customer;
        Outcome = ComplaintOutcome.Upheld;
        ClosureCode = Complaints.ClosureCode.ClosedWithMonetaryRelief;
        ResolvedAt = now;
        ResolvedById = platform.UserId;
        RemedyGiven[] given = [new(remedy.Id, remedy.Kind, remedy.Status, remedy.LedgerReference)];
        return AddMessage(
            platform, MessageKind.Resolution, reasons, [], now, m => new ComplaintResolved(m, ComplaintOutcome.Upheld, Complaints.ClosureCode.ClosedWithMonetaryRelief, given, rule));
    }

    /// <summary>A supervisor agrees with the automatic decision; it leaves the review queue.</summary>
    public Result<TimelineEvent> ConfirmAutoDecision(Actor supervisor, DateTimeOffset now)
    {
        if (AutoReviewRefusal(supervisor) is { } refused)
        {
            return refused;
        }

        AutoDecision = AutoDecisionReview.Confirmed;
        return Append(supervisor, now, new AutoResolutionConfirmed(AutoRule), Visibility.Internal);
    }

    /// <summary>
    /// A supervisor undoes the automatic decision after the ledger took the money back: the remedy is reversed, the
    /// decision withdrawn, and the complaint goes back to people, investigating, with its deadlines running again.
    /// </summary>
    public Result<TimelineEvent> ReverseAutoDecision(Actor supervisor, Remedy remedy, string reversalReference, string reasons, DateTimeOffset now)
    {
        if (AutoReviewRefusal(supervisor) is { } refused)
        {
            return refused;
        }

        AutoDecision = AutoDecisionReview.Reversed;
        Stage = ComplaintStage.Investigating;
        WaitingOn = WaitingOn.Operator;
        Outcome = null;
        ClosureCode = null;
        ResolvedAt = null;
        ResolvedById = null;
        remedy.Reverse(reversalReference, supervisor, now);
        if (FinalDueAt is not null)
        {
            // The monitor plans the remaining SLA points from here; resolving had stopped them.
            Sla.NextSlaCheckAt = now;
        }

        var reversed = Append(
            supervisor,
            now,
            new AutoResolutionReversed(AutoRule, remedy.Id, remedy.LedgerReference, reversalReference, remedy.AmountMinorUnits, remedy.Currency));
        // The supervisor's reasons are for the colleagues who pick the case up; the customer is told through the conversation.
        AddMessage(supervisor, MessageKind.Note, reasons, [], now, m => new NoteAdded(m));
        return reversed;
    }

    /// <summary>Why a supervisor may not confirm or reverse the automatic decision now; null when they may.</summary>
    public Error? AutoReviewRefusal(Actor actor)
    {
        if (!actor.Roles.Contains(RedressRoles.Supervisor))
        {
            return CaseErrors.Forbidden("auto_review_needs_supervisor");
        }

        return AutoDecision switch
        {
            null => CaseErrors.Conflict("no_auto_decision"),
            AutoDecisionReview.Confirmed => CaseErrors.Conflict("auto_decision_confirmed"),
            AutoDecisionReview.Reversed => CaseErrors.Conflict("auto_decision_reversed"),
            _ when Stage is not (ComplaintStage.Resolved or ComplaintStage.Closed) => CaseErrors.Conflict("auto_decision_under_appeal"),
            _ => null,
        };
    }

    /// <summary>Staff's ledger findings. Internal: they name transactions the customer has not seen checked yet.</summary>
    public TimelineEvent RecordInvestigation(Actor staff, ComplaintInvestigated findings, DateTimeOffset now) =>
        Append(staff, now, findings, Visibility.Internal);

    /// <summary>What the ledger answered to a freeze or unfreeze of one of the complainant's wallets.</summary>
    public TimelineEvent RecordWalletStatus(Actor actor, bool frozen, Guid accountId, string result, DateTimeOffset now) =>
        Append(actor, now, frozen ? new WalletFrozen(accountId, result) : new WalletUnfrozen(accountId, result));

    /// <summary>
    /// Records a lawful erasure of personal data on this complaint: the caller has deleted the items' content and their
    /// salts in the same transaction, and the entry names the items so that verification accepts the missing salts.
    /// </summary>
    public TimelineEvent RecordErasure(Actor actor, IReadOnlyList<string> items, string basis, DateTimeOffset now) =>
        Append(actor, now, new PersonalDataErased(items, basis), Visibility.Internal);

    /// <summary>Refuses remedy work on a complaint that no longer takes it; a decided complaint still pays what was agreed.</summary>
    public Error? RemedyRefusal(bool proposing) => Stage switch
    {
        ComplaintStage.Withdrawn or ComplaintStage.Merged => CaseErrors.Conflict("remedy_complaint_closed"),
        ComplaintStage.Resolved or ComplaintStage.Closed when proposing => CaseErrors.Conflict("remedy_complaint_closed"),
        _ => null,
    };

    /// <summary>
    /// One step of a remedy on the timeline. Payment and failure are the customer's business; proposals and
    /// approvals stay internal until they turn into money.
    /// </summary>
    public TimelineEvent RecordRemedy(string type, Actor actor, Remedy remedy, DateTimeOffset now, bool resumed = false)
    {
        var visibility = type is TimelineEventTypes.RemedyExecuted or TimelineEventTypes.RemedyFailed ? Visibility.Customer : Visibility.Internal;
        return Append(actor, now, RemedyStep.For(type, remedy, resumed), visibility);
    }

    private Error? Check(CaseAction action, Actor actor)
    {
        if (!CaseRules.PartyAllows(action, actor, CustomerId))
        {
            return CaseErrors.Forbidden("action_not_allowed_for_role");
        }

        return CaseRules.StageAllows(action, Stage) ? null : CaseErrors.Conflict("action_not_allowed_at_stage");
    }

    /// <summary>Rules beyond stage and role: time windows, one appeal, four eyes on appeals.</summary>
    private Error? ExtraCheck(CaseAction action, Actor actor, DateTimeOffset now, CaseHandlingOptions options) => action switch
    {
        CaseAction.Appeal when AppealedAt is not null => CaseErrors.Conflict("already_appealed"),
        CaseAction.Appeal when ResolvedAt is { } resolved && now > resolved.AddDays(options.AppealWindowDays) => CaseErrors.Conflict("appeal_window_closed"),
        CaseAction.StartReview when actor.UserId == AssigneeId || actor.UserId == ResolvedById => CaseErrors.Forbidden("reviewer_handled_complaint"),
        CaseAction.DecideAppeal when actor.UserId != ReviewerId => CaseErrors.Forbidden("not_the_reviewer"),
        CaseAction.Nudge when LastNudgedAt is { } last && now < last.Add(options.NudgeInterval) => CaseErrors.Conflict("nudge_too_soon"),
        CaseAction.RequestInformation when WaitingOn == WaitingOn.Customer => CaseErrors.Conflict("already_waiting_on_customer"),
        CaseAction.SendHoldingReply when HoldingReplyBy is null || ExtendedFinalBy is null => CaseErrors.Conflict("holding_reply_not_in_policy"),
        CaseAction.SendHoldingReply when HoldingReplySentAt is not null => CaseErrors.Conflict("holding_reply_already_sent"),
        CaseAction.SendHoldingReply when ResolvedAt is not null => CaseErrors.Conflict("action_not_allowed_at_stage"),
        CaseAction.SendHoldingReply when now > HoldingReplyBy => CaseErrors.Conflict("holding_reply_too_late"),
        CaseAction.Assign when AssigneeId is not null && !actor.Roles.Contains(RedressRoles.Supervisor) => CaseErrors.Forbidden("reassign_needs_supervisor"),
        _ => null,
    };

    /// <summary>
    /// Stores the words (and files) in the conversation and appends an entry that commits to them only through salted
    /// digests. The entry is as visible as the message unless the operation says otherwise.
    /// </summary>
    private Result<ComplaintMessage> AddMessage(
        Actor author,
        MessageKind kind,
        string body,
        IReadOnlyList<AttachedFile> attachments,
        DateTimeOffset now,
        Func<MessageRef, TimelinePayload> entry,
        Visibility? entryVisibility = null)
    {
        var message = ComplaintMessage.Create(kind, author, body, [.. attachments.Select(a => a.Attachment)], now);
        _messages.Add(message);
        var reference = new MessageRef(
            message.PublicId,
            kind,
            Seal(PersonalDataItems.MessageBody(message.PublicId), body),
            [.. attachments.Select(a => new AttachmentRef(a.Attachment.Id, Seal(PersonalDataItems.Attachment(a.Attachment.Id), a.Content.Span)))]);
        Append(author, now, entry(reference), entryVisibility ?? message.Visibility);
        return message;
    }

    /// <summary>Draws the item's salt (stored beside the complaint, outside the chain) and returns the digest the chain keeps.</summary>
    private string Seal(string item, string text)
    {
        var salt = PersonalDataSalt.Draw(item);
        _salts.Add(salt);
        return salt.DigestOf(text);
    }

    private string Seal(string item, ReadOnlySpan<byte> content)
    {
        var salt = PersonalDataSalt.Draw(item);
        _salts.Add(salt);
        return salt.DigestOf(content);
    }

    private TimelineEvent Append(Actor actor, DateTimeOffset now, TimelinePayload facts, Visibility visibility = Visibility.Customer) =>
        Append(actor.UserId, actor.PrimaryRole, now, facts, visibility);

    private TimelineEvent Append(Guid? actorId, string actorRole, DateTimeOffset now, TimelinePayload facts, Visibility visibility)
    {
        if (_headHash is null)
        {
            throw new InvalidOperationException("ContinueTimeline must be called with the stored chain's head before changing a loaded complaint.");
        }

        var entry = TimelineEvent.Create(Number, _headSequence + 1, facts, now, actorId, actorRole, _headHash, visibility);
        if (Notifies(entry.Type, AssigneeId))
        {
            entry.Notify(now);
        }

        _timeline.Add(entry);
        _headSequence = entry.Sequence;
        _headHash = entry.Hash;
        UpdatedAt = now;
        Version++;
        return entry;
    }

    /// <summary>
    /// Whether an entry tells someone: the customer about the steps of their complaint, the owner about assignment,
    /// nudges and SLA points. Entries about staff with no owner yet tell no one.
    /// </summary>
    internal static bool Notifies(string type, Guid? assigneeId) => type switch
    {
        TimelineEventTypes.Acknowledged or TimelineEventTypes.InformationRequested or TimelineEventTypes.HoldingReplySent or TimelineEventTypes.Resolved
            or TimelineEventTypes.Appealed or TimelineEventTypes.AppealDecided or TimelineEventTypes.Assigned => true,
        // Money taken back from the customer's wallet is never done silently.
        TimelineEventTypes.AutoResolutionReversed => true,
        // A breach is escalated to the supervisors, so it tells someone even while no one owns the complaint.
        TimelineEventTypes.SlaBreached => true,
        TimelineEventTypes.Nudged or TimelineEventTypes.SlaWarning or TimelineEventTypes.SlaHoldingReplyDue => assigneeId is not null,
        _ => false,
    };

    /// <summary>A rule decides only while no person has decided anything: before an appeal, an escalation or an end.</summary>
    private static readonly ComplaintStage[] s_autoResolvable =
        [ComplaintStage.Received, ComplaintStage.Acknowledged, ComplaintStage.Triaged, ComplaintStage.Investigating];
}

/// <summary>A supervisor's review of an automatic decision.</summary>
public enum AutoDecisionReview
{
    AwaitingReview,
    Confirmed,
    Reversed,
}

/// <summary>Refusals of the case methods; the code is also the key of the localized message.</summary>
internal static class CaseErrors
{
    public static Error Conflict(string code) => Error.Conflict(code, code);

    public static Error Forbidden(string code) => Error.Forbidden(code, code);
}

/// <summary>The <c>Complaints</c> configuration section.</summary>
public sealed class CaseHandlingOptions
{
    public const string SectionName = "Complaints";

    public static CaseHandlingOptions Default { get; } = new();

    /// <summary>Days after the resolution in which the customer may appeal.</summary>
    [Range(1, 3650)]
    public int AppealWindowDays { get; set; } = 30;

    /// <summary>Shortest time between two nudges of one complaint.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan NudgeInterval { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>
/// The documents of a final response letter about to be stored under their attachment-store ids. The PDF is absent
/// when the server had no font for it; the text is always kept.
/// </summary>
internal sealed record LetterDocuments(Guid? PdfId, ReadOnlyMemory<byte>? Pdf, Guid TextId, ReadOnlyMemory<byte> Text, string Culture);

/// <summary>A file sent with a message: the row to store and the bytes whose salted digest the chain keeps.</summary>
internal sealed record AttachedFile(ComplaintAttachment Attachment, ReadOnlyMemory<byte> Content);

/// <summary>Complaint details that passed validation; only the filing handler makes these.</summary>
internal sealed record ValidComplaint(
    ComplaintCategory Category,
    string Description,
    string DesiredOutcome,
    DateTimeOffset OccurredAt,
    string? TransactionReference,
    Money? Amount);
