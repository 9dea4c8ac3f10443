using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Redress.Complaints.Deadlines;
using Redress.Complaints.Letters;
using Redress.SharedKernel;
using Redress.SharedKernel.Http;
using Redress.SharedKernel.People;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Features;

/// <summary>The latest final response letter of a complaint, as the app shows it.</summary>
/// <remarks><see cref="PdfUrl"/> is null when the server could not render the PDF (no CJK font installed).</remarks>
public sealed record FinalResponseView(DateTimeOffset IssuedAt, FinalResponseLetter Letter, string? PdfUrl);

/// <summary>
/// Final response letters: composed from the decision and the jurisdiction's letter requirements, rendered to PDF,
/// stored in the attachment store with their SHA-256, and recorded on the timeline in the same transaction as the
/// decision that prompted them (or on their own when staff issue one again).
/// </summary>
public sealed partial class FinalResponseHandler(
    CaseWork work, IAttachmentStore store, IUserDirectory users, IOptions<DeadlineSettings> deadlines, ILogger<FinalResponseHandler> logger)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>Issues the letter again for a decided complaint, e.g. after a correction to the customer's name.</summary>
    public Task<Result<ComplaintDetails>> IssueAsync(Actor actor, string number, CancellationToken cancellationToken) =>
        DecideAndIssueAsync(actor, number, decide: null, cancellationToken);

    public async Task<Result<FinalResponseView>> ReadAsync(Actor actor, string number, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(actor, number, cancellationToken);
        if (!latest.IsSuccess)
        {
            return latest.Error;
        }

        var (issuedAt, letter, complaintNumber) = latest.Value;
        await using var content = await store.OpenReadAsync(letter.Text, cancellationToken);
        if (content is null)
        {
            return NotIssued();
        }

        var text = await JsonSerializer.DeserializeAsync<FinalResponseLetter>(content, s_json, cancellationToken);
        return text is null ? NotIssued() : new FinalResponseView(issuedAt, text, letter.Pdf is null ? null : $"/api/complaints/{complaintNumber}/final-response.pdf");
    }

    public async Task<Result<AttachmentDownload>> DownloadAsync(Actor actor, string number, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(actor, number, cancellationToken);
        if (!latest.IsSuccess)
        {
            return latest.Error;
        }

        if (latest.Value.Letter.Pdf is not { } pdfId)
        {
            return work.Localize(Error.Unavailable("final_response_pdf_unavailable", "final_response_pdf_unavailable"));
        }

        var content = await store.OpenReadAsync(pdfId, cancellationToken);
        return content is null
            ? NotIssued()
            : new AttachmentDownload(content, "application/pdf", $"final-response-{latest.Value.Number}.pdf");
    }

    /// <summary>
    /// Applies a decision (when given) and issues the letter reporting it, in one transaction. The files are written
    /// before the commit and removed again if it fails, so the timeline never names a file that is not there.
    /// </summary>
    internal Task<Result<ComplaintDetails>> DecideAndIssueAsync(
        Actor actor, string number, Func<Complaint, DateTimeOffset, Error?>? decide, CancellationToken cancellationToken) =>
        work.RetryOnConflictAsync(() => DecideAndIssueOnceAsync(actor, number, decide, cancellationToken));

    private async Task<Result<ComplaintDetails>> DecideAndIssueOnceAsync(
        Actor actor, string number, Func<Complaint, DateTimeOffset, Error?>? decide, CancellationToken cancellationToken)
    {
        var loaded = await work.LoadForChangeAsync(actor, number, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var complaint = loaded.Value;
        var now = work.Now;
        if (decide?.Invoke(complaint, now) is { } refused)
        {
            work.Db.ChangeTracker.Clear();
            return work.Localize(refused);
        }

        if (complaint.Outcome is null)
        {
            work.Db.ChangeTracker.Clear();
            return work.Localize(CaseErrors.Conflict("final_response_needs_decision"));
        }

        var letter = await ComposeAsync(complaint, now, cancellationToken);
        // A decision must never fail for want of a font: without one the letter is kept as text and shown in the app.
        var pdf = LetterFontResolver.IsAvailable ? LetterPdf.Render(letter) : null;
        if (pdf is null)
        {
            LogNoFont(logger, complaint.Number);
        }

        var text = JsonSerializer.SerializeToUtf8Bytes(letter, s_json);
        var documents = new LetterDocuments(pdf is null ? null : Guid.CreateVersion7(now), pdf, Guid.CreateVersion7(now), text, letter.Culture);
        var recorded = complaint.IssueFinalResponse(actor, documents, now);
        if (!recorded.IsSuccess)
        {
            work.Db.ChangeTracker.Clear();
            return work.Localize(recorded.Error);
        }

        var issued = recorded.Value;

        if (pdf is not null)
        {
            using var pdfContent = new MemoryStream(pdf, writable: false);
            await store.SaveAsync(issued.Pdf!.Value, pdfContent, cancellationToken);
        }

        using (var textContent = new MemoryStream(text, writable: false))
        {
            await store.SaveAsync(issued.Text, textContent, cancellationToken);
        }

        if (await work.SaveAsync(cancellationToken) is { } conflict)
        {
            if (issued.Pdf is { } pdfId)
            {
                await store.DeleteAsync(pdfId, CancellationToken.None);
            }

            await store.DeleteAsync(issued.Text, CancellationToken.None);
            return conflict;
        }

        LogIssued(logger, complaint.Number, letter.Culture, pdf?.Length ?? 0);
        return await work.ReadAsync(complaint, actor, cancellationToken);
    }

    private async Task<FinalResponseLetter> ComposeAsync(Complaint complaint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The decision just taken is not stored yet; an earlier one is the latest decision message.
        var reasons = complaint.Messages.LastOrDefault(m => m.Kind is MessageKind.Resolution or MessageKind.AppealDecision)?.Body
            ?? await work.Db.Messages.AsNoTracking()
                .Where(m => m.ComplaintId == complaint.Id && (m.Kind == MessageKind.Resolution || m.Kind == MessageKind.AppealDecision))
                .OrderByDescending(m => m.Id)
                .Select(m => m.Body)
                .FirstOrDefaultAsync(cancellationToken)
            ?? string.Empty;
        // The letter states what was actually given: money that reached the ledger, and the non-money remedies granted.
        var remedies = await work.Db.Remedies.AsNoTracking()
            .Where(r => r.ComplaintId == complaint.Id && (r.Status == RemedyStatus.Executed || r.Status == RemedyStatus.Approved))
            .OrderBy(r => r.ProposedAt)
            .ToListAsync(cancellationToken);
        remedies.RemoveAll(r => r.MovesMoney && r.Status != RemedyStatus.Executed);
        var contacts = await users.FindContactsAsync([complaint.CustomerId], cancellationToken);
        var name = contacts.TryGetValue(complaint.CustomerId, out var contact) ? contact.DisplayName : string.Empty;
        var policy = deadlines.Value.Select(complaint.Jurisdiction, complaint.Channel)?.Policy;
        var facts = new LetterFacts(
            ComplaintNumber.FromStorage(complaint.Number).ToString(),
            name,
            complaint.Culture,
            TimeZoneInfo.FindSystemTimeZoneById(policy?.TimeZone ?? "UTC"),
            complaint.FiledAt,
            now,
            complaint.Outcome!.Value,
            complaint.ClosureCode!.Value,
            reasons,
            [.. remedies.Select(r => new LetterRemedy(r.Kind.ToString(), r.Amount, r.MovesMoney ? null : r.Reason))]);
        return FinalResponseComposer.Compose(facts, policy?.LetterRequirements ?? [], work.RoutesFor(complaint.Jurisdiction));
    }

    private async Task<Result<(DateTimeOffset IssuedAt, FinalResponseIssued Letter, string Number)>> LatestAsync(
        Actor actor, string number, CancellationToken cancellationToken)
    {
        var found = await work.FindAsync(actor, number, track: false, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var complaint = found.Value;
        var entry = await work.Db.TimelineEvents.AsNoTracking()
            .Where(e => e.ComplaintId == complaint.Id && e.Type == TimelineEventTypes.FinalResponseIssued)
            .OrderByDescending(e => e.Sequence)
            .FirstOrDefaultAsync(cancellationToken);
        var letter = entry?.Read() as FinalResponseIssued;
        return letter is null ? NotIssued() : (entry!.OccurredAt, letter, ComplaintNumber.FromStorage(complaint.Number).ToString());
    }

    private Error NotIssued() => Error.NotFound("final_response_not_found", work.Text["final_response_not_found"]);

    [LoggerMessage(EventId = 1120, Level = LogLevel.Information, Message = "Complaint {ComplaintNumber}: final response issued ({Culture}, {PdfBytes} bytes)")]
    private static partial void LogIssued(ILogger logger, string complaintNumber, string culture, int pdfBytes);

    [LoggerMessage(EventId = 1121, Level = LogLevel.Warning, Message = "Complaint {ComplaintNumber}: final response kept as text only; no font for the PDF (install fonts-wqy-microhei)")]
    private static partial void LogNoFont(ILogger logger, string complaintNumber);
}

internal static class FinalResponseEndpoints
{
    public static void MapFinalResponse(this RouteGroupBuilder group)
    {
        var complaint = group.MapGroup("/{number}").RequireAuthorization(RedressPolicies.SignedIn);
        group.MapPost("/{number}/final-response", (string number, HttpContext http, FinalResponseHandler h, CancellationToken ct) =>
                CaseLifecycleEndpoints.Answer(h.IssueAsync(CaseLifecycleEndpoints.ActorOf(http), number, ct)))
            .RequireAuthorization(RedressPolicies.CaseWorker)
            .WithName("IssueFinalResponse")
            .WithSummary("Issue the final response letter again for a decided complaint (it is issued on resolution)");
        complaint.MapGet("/final-response", ReadAsync).WithName("GetFinalResponse").WithSummary("The latest final response letter's text");
        complaint.MapGet("/final-response.pdf", DownloadAsync).WithName("DownloadFinalResponse").WithSummary("The latest final response letter as PDF");
    }

    private static async Task<Results<Ok<FinalResponseView>, ProblemHttpResult>> ReadAsync(
        string number, HttpContext context, FinalResponseHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.ReadAsync(CaseLifecycleEndpoints.ActorOf(context), number, cancellationToken);
        return result.ToHttp();
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        string number, HttpContext context, FinalResponseHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.DownloadAsync(CaseLifecycleEndpoints.ActorOf(context), number, cancellationToken);
        return result.IsSuccess
            ? TypedResults.File(result.Value.Content, result.Value.ContentType, result.Value.FileName)
            : result.Error.ToProblem();
    }
}
