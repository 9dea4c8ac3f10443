namespace Redress.Complaints;

/// <summary>Where a complaint came in.</summary>
public enum ComplaintChannel
{
    InApp,
    Web,
    Phone,
    Chat,
    Email,
    SocialMedia,
    Forum,
    ThirdPartyPlatform,
    Regulator,
    AppReview,
}
