namespace Redress.SharedKernel.Security;

/// <summary>Authorization policy names, registered by the access module.</summary>
public static class RedressPolicies
{
    public const string Customer = "customer";
    public const string CaseWorker = "case-worker";
    public const string SignedIn = "signed-in";
    public const string Compliance = "compliance";
}
