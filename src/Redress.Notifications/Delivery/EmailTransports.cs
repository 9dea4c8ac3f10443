using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using Redress.SharedKernel.Persistence;

namespace Redress.Notifications.Delivery;

/// <summary>Hands a composed email to whatever delivers it.</summary>
internal interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends through the configured SMTP server, one connection per message.</summary>
internal sealed class SmtpEmailTransport(IOptions<NotificationSettings> settings) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = settings.Value.Smtp;
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(smtp.TimeoutSeconds).TotalMilliseconds };
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Notifications:Smtp:Host is not set."), smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>
/// The embedded default without an SMTP server: each email becomes an <c>.eml</c> file in the pickup folder, named
/// after its Message-ID, so a resend of the same message replaces the file instead of adding a second one.
/// </summary>
internal sealed class PickupFolderEmailTransport(IOptions<DatabaseSettings> database) : IEmailTransport
{
    public string Folder { get; } = Path.Combine(Path.GetFullPath(database.Value.DataDirectory), "mail-pickup");

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = string.Concat((message.MessageId ?? throw new InvalidOperationException("An email needs a Message-ID.")).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
        var path = Path.Combine(Folder, name + ".eml");
        var partial = path + ".partial";
        // Written aside and moved into place, so a pickup agent never reads half a message.
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path, overwrite: true);
    }
}

internal static class EmailComposer
{
    public static MimeMessage Compose(SmtpSettings smtp, string messageId, string toName, string toAddress, string culture, Templates.RenderedMessage rendered, DateTimeOffset date)
    {
        var message = new MimeMessage
        {
            MessageId = messageId,
            Subject = rendered.Subject ?? string.Empty,
            Date = date,
            Body = new BodyBuilder { TextBody = rendered.Text, HtmlBody = rendered.Html }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.FromAddress));
        message.To.Add(new MailboxAddress(toName, toAddress));
        message.Headers.Add(HeaderId.ContentLanguage, culture);
        // Tells mail servers and clients that no one should auto-reply to it (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    /// <summary>The same id for every attempt at one event's email: receivers that deduplicate by Message-ID drop a resend.</summary>
    public static string MessageIdFor(long eventId, string channel, SmtpSettings smtp, Guid? escalatedTo = null)
    {
        var at = smtp.FromAddress.LastIndexOf('@');
        var domain = at >= 0 ? smtp.FromAddress[(at + 1)..] : "redress.invalid";
        // The addressee keeps the id it always had; each person told by escalation gets one of their own.
        return escalatedTo is { } person ? $"event-{eventId}.{person:N}.{channel}@{domain}" : $"event-{eventId}.{channel}@{domain}";
    }
}
