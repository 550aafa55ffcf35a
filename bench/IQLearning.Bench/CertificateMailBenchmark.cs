using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Bench;

/// <summary>
/// 1,000 certificate mails (500 certificates: the learner's mail with the PDF and the employer's) sent by the site's
/// outbox dispatcher with MailKit to netDumbster on loopback: 50 mails over one SMTP connection, as the site sends them.
/// </summary>
internal static class CertificateMailBenchmark
{
    public static async Task RunAsync(int mails, TextWriter output)
    {
        var port = FreePort();
        using var smtp = netDumbster.smtp.Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(port).Build();
        await using var site = await BenchSite.StartAsync(port);

        var queueing = Stopwatch.StartNew();
        for (var i = 0; i < mails / 2; i++) await site.IssueAsync(i);
        queueing.Stop();
        var queued = await CountAsync(site, m => m.Status == OutboxStatus.Pending);

        site.Database.Reset();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var sending = Stopwatch.StartNew();
        int sent;
        do
        {
            using var scope = site.Services.CreateScope();
            sent = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);
        } while (sent > 0);
        while (smtp.ReceivedEmailCount < queued && sending.Elapsed < TimeSpan.FromMinutes(2)) await Task.Delay(10);
        sending.Stop();
        process.Refresh();
        cpu = process.TotalProcessorTime - cpu;
        var (commands, inDatabase) = (site.Database.Commands, site.Database.InCommands + site.Database.InCommits);

        var failed = await CountAsync(site, m => m.Status != OutboxStatus.Sent);
        output.WriteLine($"Certificate mail benchmark: {queued} mails queued by {mails / 2} issues in {queueing.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"delivered to the loopback SMTP server: {smtp.ReceivedEmailCount} in {sending.Elapsed.TotalSeconds:F2} s ({smtp.ReceivedEmailCount / sending.Elapsed.TotalSeconds:F0} mails/s), not sent: {failed}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  of which the outbox's SQL (claims, loads, marks sent, with their commits): {commands} commands, {inDatabase.TotalSeconds:F2} s; " +
            $"the rest is the SMTP conversation, netDumbster's share of it included"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  process CPU time while delivering (the dispatcher, MailKit and netDumbster, all in this process): {cpu.TotalSeconds:F2} s"));
    }

    private static async Task<int> CountAsync(BenchSite site, System.Linq.Expressions.Expression<Func<OutboxMessage, bool>> where)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.CountAsync(where);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
