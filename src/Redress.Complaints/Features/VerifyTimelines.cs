using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Redress.Complaints.Data;

namespace Redress.Complaints.Features;

/// <summary>The first link of one complaint's chain that does not hold, and why.</summary>
public sealed record BrokenLink(string ComplaintNumber, int Sequence, string Reason);

/// <summary>What a verification run looked at and every chain it found broken (each named by its first broken link).</summary>
public sealed record TimelineVerification(int ComplaintsChecked, long EventsChecked, IReadOnlyList<BrokenLink> Broken)
{
    public bool Intact => Broken.Count == 0;
}

/// <summary>
/// Re-computes every complaint's hash chain from the stored rows: sequences 1..n without gaps, each entry linking to
/// the hash of the one before, each stored hash matching its recomputed one, and each payload reading as its record
/// in canonical form. Where the chain commits to personal data by salted digest (ADR 21), the digest is recomputed
/// from the stored words and salt (message bodies, the description, the desired outcome); a salt may be missing only
/// for an item a <c>personal_data.erased</c> entry names. Reads complaints in keyset batches so that memory stays flat
/// however many there are.
/// </summary>
public sealed class TimelineVerifier(ComplaintsDbContext db)
{
    public const int DefaultBatchSize = 200;

    public async Task<TimelineVerification> VerifyAsync(int batchSize, CancellationToken cancellationToken)
    {
        var broken = new List<BrokenLink>();
        var complaints = 0;
        long events = 0;
        long after = 0;
        while (true)
        {
            var batch = await db.Complaints.AsNoTracking()
                .Where(c => c.Id > after)
                .OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.Number, c.Description, c.DesiredOutcome })
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var ids = batch.Select(c => c.Id).ToList();
            var timeline = (await db.TimelineEvents.AsNoTracking()
                    .Where(e => ids.Contains(e.ComplaintId))
                    .ToListAsync(cancellationToken))
                .ToLookup(e => e.ComplaintId);
            var messages = (await db.Messages.AsNoTracking()
                    .Where(m => ids.Contains(m.ComplaintId) && m.BodyErasedAt == null)
                    .Select(m => new { m.ComplaintId, m.PublicId, m.Body })
                    .ToListAsync(cancellationToken))
                .ToLookup(m => m.ComplaintId);
            var salts = (await db.PersonalDataSalts.AsNoTracking()
                    .Where(s => ids.Contains(s.ComplaintId))
                    .ToListAsync(cancellationToken))
                .ToLookup(s => s.ComplaintId);
            foreach (var complaint in batch)
            {
                var chain = timeline[complaint.Id].OrderBy(e => e.Sequence).ToList();
                events += chain.Count;
                var texts = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [PersonalDataItems.Description] = complaint.Description,
                    [PersonalDataItems.DesiredOutcome] = complaint.DesiredOutcome,
                };
                foreach (var message in messages[complaint.Id])
                {
                    texts[PersonalDataItems.MessageBody(message.PublicId)] = message.Body;
                }

                var onFile = new PersonalDataOnFile(salts[complaint.Id].ToDictionary(s => s.Item, StringComparer.Ordinal), texts);
                if (FirstBreak(complaint.Number, chain, onFile) is { } link)
                {
                    broken.Add(link);
                }
            }

            complaints += batch.Count;
            after = batch[^1].Id;
            db.ChangeTracker.Clear();
        }

        return new TimelineVerification(complaints, events, broken);
    }

    internal static BrokenLink? FirstBreak(string storedNumber, IReadOnlyList<TimelineEvent> chain, PersonalDataOnFile? onFile = null)
    {
        var number = ComplaintProjections.DisplayNumber(storedNumber);
        if (chain.Count == 0)
        {
            return new BrokenLink(number, 1, "the timeline is empty");
        }

        var payloads = new TimelinePayload?[chain.Count];
        for (var i = 0; i < chain.Count; i++)
        {
            payloads[i] = TryRead(chain[i]);
        }

        // An erasure recorded anywhere in the chain explains a missing salt anywhere before it.
        var erased = payloads.OfType<PersonalDataErased>().SelectMany(e => e.Items).ToHashSet(StringComparer.Ordinal);
        var previous = TimelineEvent.GenesisHash;
        for (var i = 0; i < chain.Count; i++)
        {
            var entry = chain[i];
            if (entry.Sequence != i + 1)
            {
                return new BrokenLink(number, i + 1, $"entry {i + 1} is missing (found {entry.Sequence})");
            }

            if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new BrokenLink(number, entry.Sequence, "it does not link to the entry before it");
            }

            if (!string.Equals(entry.Hash, entry.ComputeHash(storedNumber), StringComparison.Ordinal))
            {
                return new BrokenLink(number, entry.Sequence, "its content does not match its hash");
            }

            if (payloads[i] is not { } payload)
            {
                return new BrokenLink(number, entry.Sequence, $"its payload is not a {entry.Type} version {entry.SchemaVersion} record");
            }

            if (!string.Equals(entry.Payload, Encoding.UTF8.GetString(TimelineJson.Canonical(payload)), StringComparison.Ordinal))
            {
                return new BrokenLink(number, entry.Sequence, "its payload is not in canonical form");
            }

            if (onFile is not null && onFile.FirstMismatch(payload, erased) is { } reason)
            {
                return new BrokenLink(number, entry.Sequence, reason);
            }

            previous = entry.Hash;
        }

        return null;
    }

    private static TimelinePayload? TryRead(TimelineEvent entry)
    {
        try
        {
            return entry.Read();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A complaint's salts and the personal data still stored in the database, to check the chain's digests against.</summary>
internal sealed record PersonalDataOnFile(IReadOnlyDictionary<string, PersonalDataSalt> Salts, IReadOnlyDictionary<string, string> Texts)
{
    /// <summary>
    /// Why one of the payload's digests does not hold, or null. Attachment and letter bytes live in the attachment
    /// store, which verification does not read: for those only the salt's presence is checked.
    /// </summary>
    public string? FirstMismatch(TimelinePayload payload, IReadOnlySet<string> erased)
    {
        foreach (var (item, digest) in payload.Digests())
        {
            if (!Salts.TryGetValue(item, out var salt))
            {
                if (!erased.Contains(item))
                {
                    return $"the salt of {item} is missing and no erasure records it";
                }

                continue;
            }

            if (Texts.TryGetValue(item, out var text) && !string.Equals(salt.DigestOf(text), digest, StringComparison.Ordinal))
            {
                return $"{item} does not match its digest";
            }
        }

        return null;
    }
}
