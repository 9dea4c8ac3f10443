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
/// the hash of the one before, and each stored hash matching its recomputed one. Reads complaints in keyset batches so
/// that memory stays flat however many there are.
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
                .Select(c => new { c.Id, c.Number })
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
            foreach (var complaint in batch)
            {
                var chain = timeline[complaint.Id].OrderBy(e => e.Sequence).ToList();
                events += chain.Count;
                if (FirstBreak(complaint.Number, chain) is { } link)
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

    internal static BrokenLink? FirstBreak(string storedNumber, IReadOnlyList<TimelineEvent> chain)
    {
        var number = ComplaintProjections.DisplayNumber(storedNumber);
        if (chain.Count == 0)
        {
            return new BrokenLink(number, 1, "the timeline is empty");
        }

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

            previous = entry.Hash;
        }

        return null;
    }
}
