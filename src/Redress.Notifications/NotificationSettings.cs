using MailKit.Security;

namespace Redress.Notifications;

/// <summary>The <c>Notifications</c> configuration section.</summary>
public sealed class NotificationSettings
{
    public const string SectionName = "Notifications";

    public SmtpSettings Smtp { get; set; } = new();

    public SmsSettings Sms { get; set; } = new();

    /// <summary>How long the worker sleeps when it found less than a full batch.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claimed event stays with this instance before another may take it (crash recovery).</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one (event, channel) message is held while it is sent; must exceed the SMTP timeout.</summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts per message before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry waits about this long; each further one twice as long, up to <see cref="RetryMax"/>.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMax { get; set; } = TimeSpan.FromHours(1);
}

public sealed class SmtpSettings
{
    /// <summary>The SMTP server; when empty, email goes to the pickup folder (<c>mail-pickup</c> in the data folder).</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "no-reply@redress.invalid";

    public string FromName { get; set; } = "Redress";

    public int TimeoutSeconds { get; set; } = 60;
}

public sealed class SmsSettings
{
    /// <summary>SMS goes out only where configured; off by default.</summary>
    public bool Enabled { get; set; }
}
