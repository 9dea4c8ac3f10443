using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Redress.SharedKernel.Persistence;

namespace Redress.Complaints;

/// <summary>Where attachment bytes live, outside the database. Keys are attachment ids.</summary>
public interface IAttachmentStore
{
    Task SaveAsync(Guid id, Stream content, CancellationToken cancellationToken);

    /// <summary>The stored bytes, or null when there are none under this id.</summary>
    Task<Stream?> OpenReadAsync(Guid id, CancellationToken cancellationToken);

    Task DeleteAsync(Guid id, CancellationToken cancellationToken);
}

/// <summary>Files under <c>{Database:DataDirectory}/attachments</c>, fanned out by the id's first two hex digits.</summary>
internal sealed class FileSystemAttachmentStore(IOptions<DatabaseSettings> settings) : IAttachmentStore
{
    private readonly string _root = Path.Combine(Path.GetFullPath(settings.Value.DataDirectory), "attachments");

    public async Task SaveAsync(Guid id, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written under a temporary name and moved, so a reader never sees half a file.
        var partial = path + ".partial";
        await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        File.Move(partial, path);
    }

    public Task<Stream?> OpenReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var path = PathOf(id);
        Stream? stream = File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(id));
        return Task.CompletedTask;
    }

    private string PathOf(Guid id)
    {
        var name = id.ToString("N");
        return Path.Combine(_root, name[..2], name);
    }
}

/// <summary>What the bytes of a file say it is. Only the types customers send as evidence are accepted.</summary>
internal static class FileSniffer
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxFilesPerMessage = 5;

    public static string? ContentTypeOf(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return head.StartsWith("%PDF-"u8) ? "application/pdf" : null;
    }

    /// <summary>A name safe to store and to offer in Content-Disposition: no folders, no control characters, bounded.</summary>
    public static string SafeFileName(string? name)
    {
        var bare = Path.GetFileName((name ?? string.Empty).Replace('\\', '/').Split('/')[^1]);
        var cleaned = new string([.. bare.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))]).Trim();
        if (cleaned.Length > 120)
        {
            cleaned = cleaned[^120..];
        }

        return cleaned.Length == 0 || cleaned.All(c => c == '.') ? "attachment" : cleaned;
    }

    public static string Sha256Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
