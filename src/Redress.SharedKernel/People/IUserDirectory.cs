namespace Redress.SharedKernel.People;

/// <summary>A person as other modules may show them: no credentials, phone masked.</summary>
public sealed record UserSummary(Guid UserId, string DisplayName, string MaskedPhone, string Jurisdiction);

/// <summary>
/// How to reach a person, for delivering messages only: never shown, never logged. Email and phone are null when
/// the person has none; <see cref="Culture"/> is their preferred language ("zh-CN" or "en").
/// </summary>
public sealed record ContactDetails(Guid UserId, string DisplayName, string? Email, string? Phone, string Culture);

/// <summary>Looks people up by id without reaching into the access module's data.</summary>
public interface IUserDirectory
{
    Task<IReadOnlyDictionary<Guid, UserSummary>> FindAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);

    /// <summary>Contact details of the people found; ids not found are absent from the result.</summary>
    Task<IReadOnlyDictionary<Guid, ContactDetails>> FindContactsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);

    /// <summary>The ids of the people in <paramref name="role"/> (a <c>RedressRoles</c> name), e.g. the supervisors a breach is escalated to.</summary>
    Task<IReadOnlyList<Guid>> InRoleAsync(string role, CancellationToken cancellationToken);
}
