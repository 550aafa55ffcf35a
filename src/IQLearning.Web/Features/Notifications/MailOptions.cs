using System.ComponentModel.DataAnnotations;

namespace IQLearning.Web.Features.Notifications;

public sealed class MailOptions
{
    public const string Section = "Mail";

    [Required, EmailAddress] public string FromAddress { get; set; } = "no-reply@iqlearning.invalid";
    public string FromName { get; set; } = "IQLearning";

    /// <summary>Where mails go as .eml files when no SMTP host is set; relative to the data directory.</summary>
    public string PickupDirectory { get; set; } = "mail";

    [Range(1, 50)] public int MaxAttempts { get; set; } = 12;

    public SmtpOptions Smtp { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    [Range(1, 65535)] public int Port { get; set; } = 587;
    /// <summary>Auto, None, StartTls, StartTlsWhenAvailable or SslOnConnect.</summary>
    [RegularExpression("^(Auto|None|StartTls|StartTlsWhenAvailable|SslOnConnect)$")]
    public string Security { get; set; } = "Auto";
    public string? Username { get; set; }
    public string? Password { get; set; }
    [Range(1, 600)] public int TimeoutSeconds { get; set; } = 30;
}
