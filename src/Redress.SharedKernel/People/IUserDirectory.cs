namespace Redress.SharedKernel.People;

/// <summary>A person as other modules may show them: no credentials, phone masked.</summary>
public sealed record UserSummary(Guid UserId, string DisplayName, string MaskedPhone, string Jurisdiction);

/// <summary>Looks people up by id without reaching into the access module's data.</summary>
public interface IUserDirectory
{
    Task<IReadOnlyDictionary<Guid, UserSummary>> FindAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);
}
