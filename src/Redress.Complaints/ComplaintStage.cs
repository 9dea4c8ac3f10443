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
