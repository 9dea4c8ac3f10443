namespace Redress.Complaints;

/// <summary>How far a complaint has come. Whose move it is lives apart, in <see cref="WaitingOn"/>.</summary>
public enum ComplaintStage
{
    Received,
    Acknowledged,
    Triaged,
    Investigating,
    Resolved,
    Closed,
    Appealed,
    Reviewing,
    EscalatedExternally,
    Withdrawn,
    Merged,
}

/// <summary>Whose move it is.</summary>
public enum WaitingOn
{
    Operator,
    Customer,
    ThirdParty,
}

public enum ComplaintPriority
{
    Normal,
    High,
    Urgent,
}

/// <summary>What the operator decided; kept apart from the stage, which only says how far the complaint has come.</summary>
public enum ComplaintOutcome
{
    Upheld,
    PartlyUpheld,
    NotUpheld,
}

/// <summary>CFPB-style closure code reported with the outcome.</summary>
public enum ClosureCode
{
    ClosedWithMonetaryRelief,
    ClosedWithNonMonetaryRelief,
    ClosedWithExplanation,
}

/// <summary>Who may read a timeline entry or message: everyone who sees the complaint, or staff only.</summary>
public enum Visibility
{
    Customer,
    Internal,
}

/// <summary>What a conversation entry is.</summary>
public enum MessageKind
{
    Message,
    InformationRequest,
    Note,
    Resolution,
    Appeal,
    AppealDecision,
    HoldingReply,
}
