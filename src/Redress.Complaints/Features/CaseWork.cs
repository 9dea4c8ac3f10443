using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Redress.Complaints.Data;
using Redress.Complaints.Deadlines;
using Redress.Complaints.Resources;
using Redress.SharedKernel;
using Redress.SharedKernel.Persistence;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Features;

/// <summary>The <c>ExternalRoutes</c> configuration section: per jurisdiction, where a customer may go after the final decision.</summary>
public sealed class ExternalRoutesOptions : Dictionary<string, List<ExternalRoute>>
{
    public const string SectionName = "ExternalRoutes";

    public ExternalRoutesOptions()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }
}

/// <summary>
/// What every case operation shares: find the complaint the actor may see (others get the same not-found as a
/// missing number), pick up the stored chain's head, apply one domain method, and store the change with its
/// timeline entries in one transaction — or refuse with a typed, localized error.
/// </summary>
public sealed partial class CaseWork(
    ComplaintsDbContext db,
    TimeProvider time,
    DeadlineClock clock,
    IStringLocalizer<ComplaintMessages> text,
    IOptions<CaseHandlingOptions> options,
    IOptions<ExternalRoutesOptions> routes,
    ILogger<CaseWork> logger)
{
    private const int ChangeAttempts = 4;

    internal ComplaintsDbContext Db => db;

    internal DeadlineClock Clock => clock;

    internal IStringLocalizer<ComplaintMessages> Text => text;

    internal CaseHandlingOptions Options => options.Value;

    internal DateTimeOffset Now => time.GetUtcNow();

    internal Error NotFound() => Error.NotFound("complaint_not_found", text["ComplaintNotFound"]);

    /// <summary>Domain refusals carry their code as message; here they get the reader's language.</summary>
    internal Error Localize(Error error) => error.Fields is null ? error with { Message = text[error.Code] } : error;

    internal async Task<Result<Complaint>> FindAsync(Actor actor, string number, bool track, CancellationToken cancellationToken)
    {
        if (!ComplaintNumber.TryParse(number, out var parsed))
        {
            return Error.Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["number"] = [text["NumberInvalid"]] });
        }

        var query = track ? db.Complaints : db.Complaints.AsNoTracking();
        var complaint = await query.SingleOrDefaultAsync(c => c.Number == parsed.Value.Value, cancellationToken);
        return complaint is null || !complaint.IsVisibleTo(actor) ? NotFound() : complaint;
    }

    /// <summary>Loads a complaint for a change, with the head of its stored chain so that new entries link to it.</summary>
    internal async Task<Result<Complaint>> LoadForChangeAsync(Actor actor, string number, CancellationToken cancellationToken)
    {
        var found = await FindAsync(actor, number, track: true, cancellationToken);
        if (!found.IsSuccess)
        {
            return found;
        }

        var complaint = found.Value;
        var head = await db.TimelineEvents.AsNoTracking()
            .Where(e => e.ComplaintId == complaint.Id)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstAsync(cancellationToken);
        complaint.ContinueTimeline(head.Sequence, head.Hash);
        return complaint;
    }

    /// <summary>Runs one operation on one complaint and answers with the complaint as the actor now sees it.</summary>
    internal async Task<Result<ComplaintDetails>> RunAsync(
        Actor actor, string number, CaseAction action, Func<Complaint, DateTimeOffset, Error?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await LoadForChangeAsync(actor, number, cancellationToken);
            if (!loaded.IsSuccess)
            {
                return loaded.Error;
            }

            var complaint = loaded.Value;
            if (change(complaint, Now) is { } refused)
            {
                db.ChangeTracker.Clear();
                return Localize(refused);
            }

            var saved = await SaveAsync(cancellationToken);
            // The platform appends to timelines too (SLA points, delivery reports); one fresh try, with the rules
            // checked again on the new state, keeps those from turning a case worker's action into a 409.
            if (saved is { Code: "concurrent_change" } && attempt < ChangeAttempts)
            {
                continue;
            }

            if (saved is not null)
            {
                return saved;
            }

            LogAction(logger, number, action, complaint.Stage);
            return await ReadAsync(complaint, actor, cancellationToken);
        }
    }

    /// <summary>
    /// Runs a change again on fresh state when it lost a race: the platform appends to timelines too (SLA points,
    /// delivery reports), and those must not turn a person's action into a 409.
    /// </summary>
    internal async Task<Result<T>> RetryOnConflictAsync<T>(Func<Task<Result<T>>> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await change();
            if (result.IsSuccess || result.Error.Code != "concurrent_change" || attempt >= ChangeAttempts)
            {
                return result;
            }

            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Stores the pending change in one transaction. A writer that raced another on the same complaint fails on the
    /// version check or on the unique (complaint, sequence) index; either way nothing is half-applied and the caller gets 409.
    /// </summary>
    internal async Task<Error?> SaveAsync(CancellationToken cancellationToken)
    {
        // Every change passes here, so a wait on the customer, its answer or the end of the case moves the clock.
        foreach (var entry in db.ChangeTracker.Entries<Complaint>().Where(e => e.State == EntityState.Modified).ToList())
        {
            await clock.SettleAsync(entry.Entity, Now, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("concurrent_change", text["concurrent_change"]);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("concurrent_change", text["concurrent_change"]);
        }
    }

    /// <summary>The complaint as <paramref name="reader"/> may see it: internal entries and notes only for staff.</summary>
    internal async Task<ComplaintDetails> ReadAsync(Complaint complaint, Actor reader, CancellationToken cancellationToken)
    {
        var timeline = await db.TimelineEvents.AsNoTracking()
            .Where(e => e.ComplaintId == complaint.Id && (reader.IsCaseWorker || e.Visibility == Visibility.Customer))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        var messages = await db.Messages.AsNoTracking()
            .Include(m => m.Attachments)
            .Where(m => m.ComplaintId == complaint.Id && (reader.IsCaseWorker || m.Visibility == Visibility.Customer))
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        return complaint.ToDetails(reader, timeline, messages, Now, Options, RoutesFor(complaint.Jurisdiction));
    }

    internal IReadOnlyList<ExternalRoute> RoutesFor(string jurisdiction) =>
        routes.Value.TryGetValue(jurisdiction, out var list) ? list : [];

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Complaint {ComplaintNumber}: {Action} done, now {Stage}")]
    private static partial void LogAction(ILogger logger, string complaintNumber, CaseAction action, ComplaintStage stage);
}
