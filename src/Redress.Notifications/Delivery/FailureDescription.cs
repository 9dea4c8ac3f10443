using MailKit.Net.Smtp;

namespace Redress.Notifications.Delivery;

/// <summary>What is recorded and logged about a failed attempt: the kind of failure, never the server's text, which may quote the address.</summary>
internal static class FailureDescription
{
    public static string Of(Exception exception) => exception switch
    {
        SmtpCommandException smtp => $"SMTP {(int)smtp.StatusCode} {smtp.ErrorCode}",
        SmtpProtocolException => "SMTP protocol error",
        System.Net.Sockets.SocketException socket => $"network {socket.SocketErrorCode}",
        _ => exception.GetType().Name,
    };

    /// <summary>A mailbox the server refuses for good (5xx); retrying would not change the answer.</summary>
    public static bool IsPermanent(Exception exception) =>
        exception is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } smtp && (int)smtp.StatusCode >= 500;
}
