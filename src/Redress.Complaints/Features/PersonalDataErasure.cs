using Microsoft.EntityFrameworkCore;
using Redress.SharedKernel;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Features;

/// <summary>
/// Lawful erasure of a message's words (ADR 21): the body and its salt are deleted and a <c>personal_data.erased</c>
/// entry names the item, in one transaction. The chain keeps the old digest, which without the salt reveals nothing,
/// and <c>audit verify</c> still passes. Compliance officers only; no endpoint yet (the request workflow comes later).
/// </summary>
internal sealed class PersonalDataEraser(CaseWork work)
{
    public async Task<Result<TimelineEvent>> EraseMessageBodyAsync(Actor actor, string number, Guid messageId, string basis, CancellationToken cancellationToken)
    {
        if (!actor.Roles.Contains(RedressRoles.ComplianceOfficer))
        {
            return work.Localize(CaseErrors.Forbidden("action_not_allowed_for_role"));
        }

        var loaded = await work.LoadForChangeAsync(actor, number, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var complaint = loaded.Value;
        var message = await work.Db.Messages.SingleOrDefaultAsync(m => m.ComplaintId == complaint.Id && m.PublicId == messageId, cancellationToken);
        if (message is null || message.BodyErasedAt is not null)
        {
            work.Db.ChangeTracker.Clear();
            return Error.NotFound("message_not_found", "message_not_found");
        }

        var item = PersonalDataItems.MessageBody(messageId);
        message.EraseBody(work.Now);
        // Tracked, not deleted in place: the salt goes in the same SaveChanges (one transaction) as the words and the entry.
        if (await work.Db.PersonalDataSalts.SingleOrDefaultAsync(s => s.ComplaintId == complaint.Id && s.Item == item, cancellationToken) is { } salt)
        {
            work.Db.PersonalDataSalts.Remove(salt);
        }

        var entry = complaint.RecordErasure(actor, [item], basis, work.Now);
        return await work.SaveAsync(cancellationToken) is { } refused ? refused : entry;
    }
}
