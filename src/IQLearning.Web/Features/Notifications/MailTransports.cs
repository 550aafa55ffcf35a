using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IQLearning.Web.Features.Notifications;

/// <summary>Hands a finished message to the outside world.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends through the configured SMTP server with MailKit.</summary>
internal sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        await client.ConnectAsync(smtp.Host!, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}

/// <summary>Writes each message as an .eml file: the mail server of the single-command run.</summary>
internal sealed class PickupDirectoryMailTransport(MailPickupDirectory directory) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory.Path);
        var safeId = new string((message.MessageId ?? Guid.NewGuid().ToString("N")).Where(char.IsLetterOrDigit).Take(40).ToArray());
        var file = System.IO.Path.Combine(directory.Path, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{safeId}.eml");
        await using var stream = File.Create(file);
        await message.WriteToAsync(stream, cancellationToken);
    }
}

/// <summary>The absolute folder of the .eml files.</summary>
public sealed record MailPickupDirectory(string Path)
{
    /// <summary>The .eml files, newest first.</summary>
    public IReadOnlyList<FileInfo> Files() => Directory.Exists(Path)
        ? new DirectoryInfo(Path).GetFiles("*.eml").OrderByDescending(f => f.Name, StringComparer.Ordinal).ToList()
        : [];
}
