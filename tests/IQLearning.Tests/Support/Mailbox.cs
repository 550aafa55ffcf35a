using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using netDumbster.smtp;

namespace IQLearning.Tests.Support;

/// <summary>Reads what the loopback SMTP server received.</summary>
public static partial class Mailbox
{
    public static IReadOnlyList<MimeMessage> To(SimpleSmtpServer server, string address) =>
        server.ReceivedEmail
            .Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))
            .Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    public static async Task<MimeMessage> WaitForAsync(SimpleSmtpServer server, string address, int count = 1, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var received = To(server, address);
            if (received.Count >= count) return received[count - 1];
            await Task.Delay(100);
        }
        throw new TimeoutException($"The SMTP server received no mail #{count} for {address} within {timeoutSeconds} s.");
    }

    public static string FirstLink(MimeMessage message, string pathPart)
    {
        var match = LinkPattern().Matches(message.TextBody ?? "").FirstOrDefault(m => m.Value.Contains(pathPart))
            ?? throw new InvalidOperationException($"No link containing '{pathPart}' in: {message.TextBody}");
        return match.Value;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
