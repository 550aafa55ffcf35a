using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IQLearning.Web.Features.Notifications;

/// <summary>Hands finished messages to the outside world, several over one connection.</summary>
public interface IMailTransport
{
    /// <summary>Opens a connection over which the dispatcher sends a batch of messages one after the other.</summary>
    Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken);
}

/// <summary>One open connection of an <see cref="IMailTransport"/>; disposing it says goodbye and closes it.</summary>
public interface IMailConnection : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends through the configured SMTP server with MailKit: one SMTP session a batch, one transaction a message.</summary>
internal sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, Enum.Parse<SecureSocketOptions>(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
            return new Connection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Connection(SmtpClient client) : IMailConnection
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => await client.SendAsync(message, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            // Every message is already accepted or failed on its own; a QUIT that fails changes nothing.
            try { if (client.IsConnected) await client.DisconnectAsync(true, CancellationToken.None); }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException) { }
            finally { client.Dispose(); }
        }
    }
}

/// <summary>Writes each message as an .eml file: the mail server of the single-command run.</summary>
internal sealed class PickupDirectoryMailTransport(MailPickupDirectory directory) : IMailTransport, IMailConnection
{
    public Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory.Path);
        return Task.FromResult<IMailConnection>(this);
    }

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var safeId = new string((message.MessageId ?? Guid.NewGuid().ToString("N")).Where(char.IsLetterOrDigit).Take(40).ToArray());
        var file = System.IO.Path.Combine(directory.Path, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{safeId}.eml");
        await using var stream = File.Create(file);
        await message.WriteToAsync(stream, cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>The absolute folder of the .eml files.</summary>
public sealed record MailPickupDirectory(string Path)
{
    /// <summary>The .eml files, newest first.</summary>
    public IReadOnlyList<FileInfo> Files() => Directory.Exists(Path)
        ? new DirectoryInfo(Path).GetFiles("*.eml").OrderByDescending(f => f.Name, StringComparer.Ordinal).ToList()
        : [];
}
