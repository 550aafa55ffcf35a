using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accessibility;
using IQLearning.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Tests.Features.Accessibility;

/// <summary>Administrators read and answer reports at /admin/accessibility-feedback; nobody else gets in.</summary>
[Collection(SiteCollection.Name)]
public sealed class FeedbackInboxTests(FeedbackSite site) : IClassFixture<FeedbackSite>
{
    private const string Inbox = "/admin/accessibility-feedback";

    [Fact]
    public async Task An_administrator_answers_a_report_and_the_answer_is_stored_and_mailed_to_the_reporter()
    {
        var reporter = TestAccounts.Unique("reporter");
        var message = $"Der Kalender ist nicht per Tastatur bedienbar {Guid.NewGuid():N}";
        using (var visitor = SiteClient.For(site))
            await visitor.SubmitAsync("/barrierefreiheit", "/barrierefreiheit/feedback",
                new Dictionary<string, string> { ["Message"] = message, ["Email"] = reporter });
        var id = (await site.ReportAsync(message))!.Id;
        var admin = await TestAccounts.CreateAsync(site, Roles.Administrator);
        using var client = await TestAccounts.SignedInAsync(site, admin);

        var (_, list) = await client.GetAsync(Inbox + "?open=true");
        Assert.NotNull(list.QuerySelector($"a[href='{Inbox}/{id}']"));
        var response = await client.SubmitAsync($"{Inbox}/{id}", $"{Inbox}/{id}/answer",
            new Dictionary<string, string> { ["Answer"] = "Danke, wir haben den Kalender korrigiert.", ["Language"] = "en" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var answered = (await site.ReportAsync(message))!;
        Assert.Equal(("Danke, wir haben den Kalender korrigiert.", admin.Id), (answered.Answer, answered.AnsweredById));
        Assert.NotNull(answered.AnsweredAt);
        var mail = await Mailbox.WaitForAsync(site.Smtp!, reporter);
        Assert.Equal("Your feedback on the accessibility of IQLearning", mail.Subject);
        Assert.Contains("Danke, wir haben den Kalender korrigiert.", mail.TextBody);
        Assert.Contains(message, mail.TextBody);

        var (_, details) = await client.GetAsync($"{Inbox}/{id}");
        Assert.Contains("Danke, wir haben den Kalender korrigiert.", details.QuerySelector("main")!.TextContent);
        Assert.Null(details.QuerySelector($"form[action='{Inbox}/{id}/answer']")); // answered once
        var (_, open) = await client.GetAsync(Inbox + "?open=true");
        Assert.Null(open.QuerySelector($"a[href='{Inbox}/{id}']"));
        var again = await client.PostFromPageAsync($"{Inbox}/{id}", $"{Inbox}/{id}/answer",
            new Dictionary<string, string> { ["Answer"] = "Zweite Antwort", ["Language"] = "de" });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Danke, wir haben den Kalender korrigiert.", (await site.ReportAsync(message))!.Answer);
    }

    [Fact]
    public async Task An_answer_to_an_anonymous_report_is_stored_without_a_mail()
    {
        var message = $"Anonym {Guid.NewGuid():N}";
        var id = await site.AddReportAsync(new AccessibilityFeedback { ReceivedAt = DateTime.UtcNow, Message = message });
        using var client = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Administrator));

        await client.SubmitAsync($"{Inbox}/{id}", $"{Inbox}/{id}/answer",
            new Dictionary<string, string> { ["Answer"] = "Gespeichert.", ["Language"] = "de" });

        Assert.Equal("Gespeichert.", (await site.ReportAsync(message))!.Answer);
        Assert.False(await site.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.TextBody.Contains(message))));
    }

    [Fact]
    public async Task An_empty_answer_is_refused_with_the_error_at_the_field()
    {
        var id = await site.AddReportAsync(new AccessibilityFeedback { ReceivedAt = DateTime.UtcNow, Message = "Leer" + Guid.NewGuid() });
        using var client = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Administrator), "en");

        var response = await client.SubmitAsync($"{Inbox}/{id}", $"{Inbox}/{id}/answer",
            new Dictionary<string, string> { ["Answer"] = " ", ["Language"] = "fr" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteClient.ParseAsync(response);
        Assert.Equal("true", page.QuerySelector("textarea[name=Answer]")!.GetAttribute("aria-invalid"));
        Assert.Equal("Answer-error", page.QuerySelector("textarea[name=Answer]")!.GetAttribute("aria-describedby"));
        Assert.Equal("Please write an answer.", page.GetElementById("Answer-error")!.TextContent);
        Assert.Equal("Language-hint Language-error", page.QuerySelector("select[name=Language]")!.GetAttribute("aria-describedby"));
        Assert.Null((await site.WithDbAsync(db => db.AccessibilityFeedback.SingleAsync(f => f.Id == id))).AnsweredAt);
    }

    [Fact]
    public async Task Open_reports_come_first_then_the_newest()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var day = new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
        var oldOpen = await site.AddReportAsync(new() { ReceivedAt = day, Message = $"{tag} alt offen" });
        var newAnswered = await site.AddReportAsync(new() { ReceivedAt = day.AddDays(5), Message = $"{tag} neu beantwortet", AnsweredAt = day.AddDays(6), Answer = "ok" });
        var newOpen = await site.AddReportAsync(new() { ReceivedAt = day.AddDays(3), Message = $"{tag} neuer offen" });
        using var client = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Administrator));

        var (_, page) = await client.GetAsync(Inbox);

        var ids = page.QuerySelectorAll("tbody a").Where(a => a.TextContent.StartsWith(tag))
            .Select(a => int.Parse(a.GetAttribute("href")!.Split('/').Last())).ToList();
        Assert.Equal([newOpen, oldOpen, newAnswered], ids);
    }

    [Fact]
    public async Task Learners_get_403_and_visitors_are_sent_to_sign_in()
    {
        var id = await site.AddReportAsync(new AccessibilityFeedback { ReceivedAt = DateTime.UtcNow, Message = "Geheim" + Guid.NewGuid() });
        using var learner = await TestAccounts.SignedInAsync(site, await TestAccounts.CreateAsync(site, Roles.Learner));
        foreach (var url in new[] { Inbox, $"{Inbox}/{id}" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync(url)).Status);
            using var visitor = SiteClient.For(site);
            Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync(url)).Status);
            Assert.StartsWith("/account/login", visitor.LastResponse!.Headers.Location!.PathAndQuery);
        }
        var post = await learner.PostFromPageAsync("/barrierefreiheit", $"{Inbox}/{id}/answer",
            new Dictionary<string, string> { ["Answer"] = "Nein", ["Language"] = "de" });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Null((await site.WithDbAsync(db => db.AccessibilityFeedback.SingleAsync(f => f.Id == id))).Answer);
    }
}
