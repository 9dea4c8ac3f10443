using Redress.SharedKernel.Security;

namespace Redress.Complaints;

/// <summary>
/// One entry of a complaint's conversation: a message either way, an information request, an internal note, or
/// the text of a resolution, appeal or appeal decision. The words live here; the timeline records their salted digest.
/// </summary>
internal sealed class ComplaintMessage
{
    private readonly List<ComplaintAttachment> _attachments = [];

    private ComplaintMessage()
    {
    }

    public long Id { get; private set; }

    /// <summary>Stable id known before the row is stored, so the timeline entry written with it can name it.</summary>
    public Guid PublicId { get; private set; }

    public long ComplaintId { get; private set; }

    public MessageKind Kind { get; private set; }

    public Visibility Visibility { get; private set; }

    public Guid AuthorId { get; private set; }

    public string AuthorRole { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    /// <summary>When the words were erased on a lawful request; the row stays so the conversation keeps its shape.</summary>
    public DateTimeOffset? BodyErasedAt { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public IReadOnlyList<ComplaintAttachment> Attachments => _attachments;

    public static ComplaintMessage Create(MessageKind kind, Actor author, string body, IReadOnlyList<ComplaintAttachment> attachments, DateTimeOffset now)
    {
        var message = new ComplaintMessage
        {
            PublicId = Guid.CreateVersion7(now),
            Kind = kind,
            Visibility = kind == MessageKind.Note ? Visibility.Internal : Visibility.Customer,
            AuthorId = author.UserId,
            AuthorRole = author.PrimaryRole,
            Body = body,
            SentAt = now,
        };
        message._attachments.AddRange(attachments);
        return message;
    }

    /// <summary>Deletes the words; the caller deletes their salt and records the erasure on the timeline in the same transaction.</summary>
    public void EraseBody(DateTimeOffset now)
    {
        Body = string.Empty;
        BodyErasedAt = now;
    }
}

/// <summary>A file sent with a message. The bytes are in the attachment store under <see cref="Id"/>; the row keeps what was checked.</summary>
internal sealed class ComplaintAttachment
{
    private ComplaintAttachment()
    {
    }

    public Guid Id { get; private set; }

    public long ComplaintId { get; private set; }

    public long MessageId { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    /// <summary>The type found in the bytes, never the one the client claimed.</summary>
    public string ContentType { get; private set; } = string.Empty;

    public long SizeBytes { get; private set; }

    public string Sha256 { get; private set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; private set; }

    public static ComplaintAttachment Create(Guid id, long complaintId, string fileName, string contentType, long sizeBytes, string sha256, DateTimeOffset now) => new()
    {
        Id = id,
        ComplaintId = complaintId,
        FileName = fileName,
        ContentType = contentType,
        SizeBytes = sizeBytes,
        Sha256 = sha256,
        UploadedAt = now,
    };
}

/// <summary>A category an agent handles; automatic assignment picks among the agents who have it.</summary>
internal sealed class AgentSkill
{
    private AgentSkill()
    {
    }

    public Guid AgentId { get; private set; }

    public ComplaintCategory Category { get; private set; }

    public static AgentSkill Create(Guid agentId, ComplaintCategory category) => new() { AgentId = agentId, Category = category };
}
