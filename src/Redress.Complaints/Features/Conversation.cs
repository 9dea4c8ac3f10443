using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Redress.SharedKernel;
using Redress.SharedKernel.Http;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Features;

/// <summary>A file as received, independent of how it arrived (API multipart or a page's form).</summary>
public sealed record UploadedFile(string? FileName, long Length, Func<Stream> OpenReadStream);

/// <summary>An attachment's bytes with what was checked on upload.</summary>
public sealed record AttachmentDownload(Stream Content, string ContentType, string FileName);

/// <summary>
/// The conversation of a complaint: messages both ways, with attachments. Files are checked (type from the bytes,
/// size, count), hashed, and written to the attachment store; the message and its timeline entry are stored in one
/// transaction, and the files are removed again if that fails.
/// </summary>
public sealed class ConversationHandler(CaseWork work, CaseLifecycleHandler lifecycle, IAttachmentStore store)
{
    public Task<Result<ComplaintDetails>> SendAsync(Actor actor, string number, string? body, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken) =>
        work.RetryOnConflictAsync(() => SendOnceAsync(actor, number, body, files, cancellationToken));

    private async Task<Result<ComplaintDetails>> SendOnceAsync(Actor actor, string number, string? body, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var text = string.IsNullOrWhiteSpace(body) && files.Count > 0 ? string.Empty : lifecycle.CheckText(errors, "body", body);
        var checkedFiles = await CheckFilesAsync(errors, files, cancellationToken);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var loaded = await work.LoadForChangeAsync(actor, number, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var complaint = loaded.Value;
        var now = work.Now;
        var attachments = checkedFiles
            .Select(f => new AttachedFile(
                ComplaintAttachment.Create(Guid.CreateVersion7(now), complaint.Id, f.Name, f.ContentType, f.Bytes.Length, FileSniffer.Sha256Of(f.Bytes), now), f.Bytes))
            .ToList();
        var sent = complaint.SendMessage(actor, text!, attachments, now);
        if (!sent.IsSuccess)
        {
            work.Db.ChangeTracker.Clear();
            return work.Localize(sent.Error);
        }

        for (var i = 0; i < attachments.Count; i++)
        {
            using var content = new MemoryStream(checkedFiles[i].Bytes, writable: false);
            await store.SaveAsync(attachments[i].Attachment.Id, content, cancellationToken);
        }

        if (await work.SaveAsync(cancellationToken) is { } conflict)
        {
            foreach (var attachment in attachments)
            {
                await store.DeleteAsync(attachment.Attachment.Id, CancellationToken.None);
            }

            return conflict;
        }

        return await work.ReadAsync(complaint, actor, cancellationToken);
    }

    /// <summary>The conversation newest first, keyset-paged; customers never see internal notes.</summary>
    public async Task<Result<Page<MessageView>>> ListAsync(Actor actor, string number, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var paging = KeysetCursor.Parse(cursor, limit);
        if (!paging.IsSuccess)
        {
            return paging.Error;
        }

        var found = await work.FindAsync(actor, number, track: false, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var complaint = found.Value;
        var (after, size) = paging.Value;
        var rows = await work.Db.Messages.AsNoTracking()
            .Include(m => m.Attachments)
            .Where(m => m.ComplaintId == complaint.Id && m.Id < after && (actor.IsCaseWorker || m.Visibility == Visibility.Customer))
            .OrderByDescending(m => m.Id)
            .Take(size + 1)
            .ToListAsync(cancellationToken);
        var page = KeysetCursor.ToPage(rows, size, m => m.Id);
        return new Page<MessageView>([.. page.Items.Select(m => m.ToView(complaint.CustomerId))], page.NextCursor);
    }

    /// <summary>An attachment for exactly those who may see the message it came with; anyone else gets not-found.</summary>
    public async Task<Result<AttachmentDownload>> DownloadAsync(Actor actor, string number, Guid attachmentId, CancellationToken cancellationToken)
    {
        var found = await work.FindAsync(actor, number, track: false, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var complaintId = found.Value.Id;
        var attachment = await (
            from a in work.Db.Attachments.AsNoTracking()
            join m in work.Db.Messages.AsNoTracking() on a.MessageId equals m.Id
            where a.Id == attachmentId && a.ComplaintId == complaintId && (actor.IsCaseWorker || m.Visibility == Visibility.Customer)
            select a).SingleOrDefaultAsync(cancellationToken);
        var content = attachment is null ? null : await store.OpenReadAsync(attachment.Id, cancellationToken);
        if (attachment is null || content is null)
        {
            return Error.NotFound("attachment_not_found", work.Text["attachment_not_found"]);
        }

        return new AttachmentDownload(content, attachment.ContentType, attachment.FileName);
    }

    private async Task<List<CheckedFile>> CheckFilesAsync(ValidationErrors errors, IReadOnlyList<UploadedFile> files, CancellationToken cancellationToken)
    {
        var result = new List<CheckedFile>();
        if (files.Count > FileSniffer.MaxFilesPerMessage)
        {
            errors.Add("files", work.Text["TooManyFiles", FileSniffer.MaxFilesPerMessage]);
            return result;
        }

        foreach (var file in files)
        {
            var name = FileSniffer.SafeFileName(file.FileName);
            if (file.Length == 0)
            {
                errors.Add("files", work.Text["FileEmpty", name]);
                continue;
            }

            if (file.Length > FileSniffer.MaxBytes)
            {
                errors.Add("files", work.Text["FileTooLarge", name, FileSniffer.MaxBytes / (1024 * 1024)]);
                continue;
            }

            using var buffer = new MemoryStream((int)file.Length);
            await using (var source = file.OpenReadStream())
            {
                await source.CopyToAsync(buffer, cancellationToken);
            }

            var bytes = buffer.ToArray();
            if (FileSniffer.ContentTypeOf(bytes) is not { } contentType)
            {
                errors.Add("files", work.Text["FileTypeNotAllowed", name]);
                continue;
            }

            result.Add(new CheckedFile(name, contentType, bytes));
        }

        return result;
    }

    private sealed record CheckedFile(string Name, string ContentType, byte[] Bytes);
}

internal static class ConversationEndpoints
{
    /// <summary>Room for five files of the largest size plus the form's own parts.</summary>
    private const long UploadLimitBytes = (FileSniffer.MaxFilesPerMessage * FileSniffer.MaxBytes) + (1024 * 1024);

    public static void MapConversation(this RouteGroupBuilder group)
    {
        var complaint = group.MapGroup("/{number}").RequireAuthorization(RedressPolicies.SignedIn);
        complaint.MapGet("/messages", ListAsync).WithName("ListMessages").WithSummary("The conversation, newest first; staff also see internal notes");
        complaint.MapPost("/messages", (string number, TextRequest request, HttpContext http, ConversationHandler h, CancellationToken ct) =>
                CaseLifecycleEndpoints.Answer(h.SendAsync(CaseLifecycleEndpoints.ActorOf(http), number, request.Body, [], ct)))
            .WithName("SendMessage")
            .WithSummary("Send a message; the customer's message answers an information request");
        // Bearer tokens only: a browser never attaches one on its own, so a cross-site form cannot post here and the
        // antiforgery token (which API clients do not have) is not needed. The UI uploads through its own form, with antiforgery.
        group.MapPost("/{number}/messages/with-files", SendWithFilesAsync)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = IdentityConstants.BearerScheme })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimit(UploadLimitBytes))
            .WithName("SendMessageWithFiles")
            .WithSummary("Send a message with up to five PNG, JPEG, WebP or PDF files of at most 10 MB each (multipart: body, files)")
            .ProducesValidationProblem();
        complaint.MapGet("/attachments/{attachmentId:guid}", DownloadAsync).WithName("DownloadAttachment").WithSummary("An attachment, for those who may see its message");
    }

    private static async Task<Results<Ok<Page<MessageView>>, ProblemHttpResult>> ListAsync(
        string number, HttpContext context, ConversationHandler handler, CancellationToken cancellationToken, string? cursor = null, int? limit = null)
    {
        var result = await handler.ListAsync(CaseLifecycleEndpoints.ActorOf(context), number, cursor, limit, cancellationToken);
        return result.ToHttp();
    }

    private static async Task<Results<Ok<ComplaintDetails>, ProblemHttpResult>> SendWithFilesAsync(
        string number, [Microsoft.AspNetCore.Mvc.FromForm] string? body, IFormFileCollection files, HttpContext context, ConversationHandler handler, CancellationToken cancellationToken)
    {
        var uploads = files.Select(f => new UploadedFile(f.FileName, f.Length, f.OpenReadStream)).ToList();
        return await CaseLifecycleEndpoints.Answer(handler.SendAsync(CaseLifecycleEndpoints.ActorOf(context), number, body, uploads, cancellationToken));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        string number, Guid attachmentId, HttpContext context, ConversationHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.DownloadAsync(CaseLifecycleEndpoints.ActorOf(context), number, attachmentId, cancellationToken);
        return result.IsSuccess
            ? TypedResults.File(result.Value.Content, result.Value.ContentType, result.Value.FileName)
            : result.Error.ToProblem();
    }
}
