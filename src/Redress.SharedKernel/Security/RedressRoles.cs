namespace Redress.SharedKernel.Security;

/// <summary>The roles every module speaks of. Staff roles are everything but <see cref="Customer"/>.</summary>
public static class RedressRoles
{
    public const string Customer = "Customer";
    public const string Agent = "Agent";
    public const string Supervisor = "Supervisor";
    public const string ComplianceOfficer = "ComplianceOfficer";
    public const string Administrator = "Administrator";

    /// <summary>
    /// The platform acting by itself (automatic rules, the SLA monitor). Never a user's role: no sign-in carries it, and
    /// it is recorded on the timeline as the actor's role.
    /// </summary>
    public const string Platform = "system";

    public static IReadOnlyList<string> All { get; } = [Customer, Agent, Supervisor, ComplianceOfficer, Administrator];

    /// <summary>Staff who work complaints and so may read any complaint. Administrators manage the system, not cases.</summary>
    public static IReadOnlyList<string> CaseWorkers { get; } = [Agent, Supervisor, ComplianceOfficer];
}
