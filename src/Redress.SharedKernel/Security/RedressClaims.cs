namespace Redress.SharedKernel.Security;

/// <summary>Claim types Redress adds to a signed-in user's principal.</summary>
public static class RedressClaims
{
    public const string DisplayName = "redress:name";
    public const string Jurisdiction = "redress:jurisdiction";
    public const string Culture = "redress:culture";
}
