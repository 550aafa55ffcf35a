using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Notifications;

[Collection(SiteCollection.Name)]
public sealed class OutboxTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public async Task A_mail_queued_in_a_transaction_that_rolls_back_is_neither_stored_nor_sent()
    {
        var email = TestAccounts.Unique("rollback");
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<MailOutbox>().AddAsync(new OutgoingMail(email, null, "Never", "Never"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        await Task.Delay(2000);

        using var check = site.Services.CreateScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AnyAsync(m => m.ToAddress == email));
        Assert.Empty(Mailbox.To(site.Smtp!, email));
    }

    [Fact]
    public async Task A_mail_queued_in_a_committed_transaction_is_sent_once_with_its_attachment()
    {
        var email = TestAccounts.Unique("commit");
        var pdf = "%PDF-1.7 test"u8.ToArray();
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<MailOutbox>().AddAsync(new OutgoingMail(email, "Carla", "Zertifikat", "Anbei.")
            {
                DeduplicationKey = $"test:{email}",
                Attachments = [("zertifikat.pdf", "application/pdf", pdf)],
            });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        var mail = await Mailbox.WaitForAsync(site.Smtp!, email);
        var attachment = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("zertifikat.pdf", attachment.FileName);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(pdf, content.ToArray());
    }

    [Fact]
    public async Task Queuing_a_mail_with_the_same_deduplication_key_twice_stores_one()
    {
        var email = TestAccounts.Unique("dedup");
        for (var i = 0; i < 2; i++)
        {
            using var scope = site.Services.CreateScope();
            var added = await scope.ServiceProvider.GetRequiredService<MailOutbox>()
                .AddAsync(new OutgoingMail(email, null, "Once", "Once") { DeduplicationKey = $"once:{email}" });
            Assert.Equal(i == 0, added is not null);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        using var check = site.Services.CreateScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.CountAsync(m => m.ToAddress == email));
    }

    [Fact]
    public async Task Queuing_several_mails_at_once_skips_the_keys_already_stored_and_repeated_ones_and_queues_the_rest()
    {
        var email = TestAccounts.Unique("range");
        using (var scope = site.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<MailOutbox>()
                .AddAsync(new OutgoingMail(email, null, "Stored", "Stored") { DeduplicationKey = $"stored:{email}" });
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        using (var scope = site.Services.CreateScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<MailOutbox>().AddRangeAsync(
            [
                new OutgoingMail(email, null, "Again", "Again") { DeduplicationKey = $"stored:{email}" },
                new OutgoingMail(email, null, "New", "New") { DeduplicationKey = $"new:{email}" },
                new OutgoingMail(email, null, "Repeated", "Repeated") { DeduplicationKey = $"new:{email}" },
                new OutgoingMail(email, null, "No key", "No key"),
            ]);
            Assert.Equal([false, true, false, true], added.Select(m => m is not null));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        using var check = site.Services.CreateScope();
        var subjects = await check.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages
            .Where(m => m.ToAddress == email).Select(m => m.Subject).ToListAsync();
        Assert.Equal(["New", "No key", "Stored"], subjects.Order(StringComparer.Ordinal));
    }
}
