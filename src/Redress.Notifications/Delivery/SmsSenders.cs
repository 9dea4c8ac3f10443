using System.Text;
using Microsoft.Extensions.Options;
using Redress.SharedKernel.Persistence;

namespace Redress.Notifications.Delivery;

/// <summary>
/// One text message. <paramref name="IdempotencyKey"/> is the same on every attempt for one event; a provider that
/// accepts a client reference should pass it, so that a resend after a crash is not delivered twice.
/// </summary>
public sealed record SmsMessage(string To, string Text, string IdempotencyKey);

/// <summary>Sends text messages. Register a provider's implementation to replace the shipped file outbox.</summary>
public interface ISmsSender
{
    Task SendAsync(SmsMessage message, CancellationToken cancellationToken);
}

/// <summary>The shipped sender: writes each message to the <c>sms-outbox</c> folder in the data folder, one file per key.</summary>
internal sealed class FileSmsSender(IOptions<DatabaseSettings> database) : ISmsSender
{
    public string Folder { get; } = Path.Combine(Path.GetFullPath(database.Value.DataDirectory), "sms-outbox");

    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = string.Concat(message.IdempotencyKey.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
        var path = Path.Combine(Folder, name + ".txt");
        await File.WriteAllTextAsync(path + ".partial", $"To: {message.To}\n\n{message.Text}\n", Encoding.UTF8, cancellationToken);
        File.Move(path + ".partial", path, overwrite: true);
    }
}
