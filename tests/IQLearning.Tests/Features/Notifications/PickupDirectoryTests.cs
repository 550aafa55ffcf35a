using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace IQLearning.Tests.Features.Notifications;

/// <summary>The single-command run: no SMTP server configured.</summary>
public sealed class PickupSite() : SiteFactory(startSmtp: false, useSmtp: false);

[Collection(SiteCollection.Name)]
public sealed class PickupDirectoryTests(PickupSite site) : IClassFixture<PickupSite>
{
    [Fact]
    public async Task Without_smtp_the_confirmation_mail_is_an_eml_file_listed_for_administrators_and_its_link_works()
    {
        var email = TestAccounts.Unique("pickup");
        using var client = SiteClient.For(site);
        await client.SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = "Paula", ["Email"] = email, ["Password"] = TestAccounts.Password, ["ConfirmPassword"] = TestAccounts.Password,
        });

        var file = await WaitForEmlAsync(email);
        var message = await MimeMessage.LoadAsync(file.FullName);
        var link = new Uri(Mailbox.FirstLink(message, "/account/confirm-email"));
        var (status, confirmed) = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(confirmed.QuerySelector(".notice-success"));

        using var admin = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Administrator));
        var (_, page) = await admin.GetAsync("/admin/mail");
        Assert.Contains(email, page.QuerySelector("table")!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/admin/mail/files/{file.Name}']"));
        var download = await admin.Http.GetAsync($"/admin/mail/files/{file.Name}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("message/rfc822", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(await File.ReadAllBytesAsync(file.FullName), await download.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("..%2F..%2Fiqlearning.db")]
    [InlineData("iqlearning.db")]
    [InlineData("..%2Fhangfire.db")]
    public async Task Only_files_of_the_pickup_folder_can_be_downloaded(string name)
    {
        using var admin = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Administrator));
        var response = await admin.Http.GetAsync($"/admin/mail/files/{name}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<FileInfo> WaitForEmlAsync(string email)
    {
        var folder = new DirectoryInfo(Path.Combine(site.DataDirectory, "mail"));
        for (var i = 0; i < 200; i++)
        {
            folder.Refresh();
            if (folder.Exists)
                foreach (var file in folder.GetFiles("*.eml"))
                {
                    // The pickup writer may still hold a file it has just created; look again on the next round.
                    string text;
                    try { text = await File.ReadAllTextAsync(file.FullName); }
                    catch (IOException) { continue; }
                    if (text.Contains(email)) return file;
                }
            await Task.Delay(100);
        }
        using var scope = site.Services.CreateScope();
        var outbox = await scope.ServiceProvider.GetRequiredService<IQLearning.Web.Data.AppDbContext>().OutboxMessages
            .Where(m => m.ToAddress == email).Select(m => $"{m.Status} after {m.Attempts} attempt(s): {m.LastError}").ToListAsync();
        throw new TimeoutException($"No .eml file for {email} in {folder.FullName}; outbox: {string.Join("; ", outbox)}");
    }
}
