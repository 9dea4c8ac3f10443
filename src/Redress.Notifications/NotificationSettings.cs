using System.ComponentModel.DataAnnotations;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Redress.Notifications;

/// <summary>The <c>Notifications</c> configuration section.</summary>
public sealed class NotificationSettings
{
    public const string SectionName = "Notifications";

    [ValidateObjectMembers]
    public SmtpSettings Smtp { get; set; } = new();

    public SmsSettings Sms { get; set; } = new();

    /// <summary>How long the worker sleeps when it found less than a full batch.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claimed event stays with this instance before another may take it (crash recovery).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one (event, channel) message is held while it is sent; must exceed the SMTP timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts per message before it is marked failed.</summary>
    [Range(1, 10_000)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry waits about this long; each further one twice as long, up to <see cref="RetryMax"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromHours(1);
}

public sealed class SmtpSettings
{
    /// <summary>The SMTP server; when empty, email goes to the pickup folder (<c>mail-pickup</c> in the data folder).</summary>
    public string? Host { get; set; }

    [Range(1, 65_535)]
    public int Port { get; set; } = 25;

    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "no-reply@redress.invalid";

    public string FromName { get; set; } = "Redress";

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;
}

public sealed class SmsSettings
{
    /// <summary>SMS goes out only where configured; off by default.</summary>
    public bool Enabled { get; set; }
}
