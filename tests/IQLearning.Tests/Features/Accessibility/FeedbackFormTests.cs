using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accessibility;
using IQLearning.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace IQLearning.Tests.Features.Accessibility;

/// <summary>The feedback mechanism of the accessibility statement (BITV 2.0 § 7): form, storage, mail, confirmation.</summary>
[Collection(SiteCollection.Name)]
public sealed class FeedbackFormTests(FeedbackSite site) : IClassFixture<FeedbackSite>
{
    private const string Action = "/barrierefreiheit/feedback";

    [Theory, InlineData("de", "Formular: Barriere melden"), InlineData("en", "Form: report a barrier")]
    public async Task The_statement_in_both_languages_embeds_the_form(string language, string heading)
    {
        using var client = SiteClient.For(site, language);
        var (status, page) = await client.GetAsync("/barrierefreiheit");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(heading, page.QuerySelector("h3#feedback-form")!.TextContent);
        var form = page.Forms.Single(f => f.GetAttribute("action") == Action);
        Assert.NotNull(form.QuerySelector("textarea[name=Message]"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.DoesNotContain("will be added", page.Body!.TextContent);
        Assert.DoesNotContain("ergänzen wir", page.Body!.TextContent);
    }

    [Fact]
    public async Task A_report_is_stored_mailed_to_the_recipient_and_confirmed()
    {
        var message = $"Der Filter ist per Tastatur nicht erreichbar {Guid.NewGuid():N}";
        using var client = SiteClient.For(site);

        var response = await client.SubmitAsync("/barrierefreiheit", Action, new Dictionary<string, string>
        {
            ["PageUrl"] = "/courses", ["Message"] = message, ["Name"] = "Kim Muster", ["Email"] = "kim@example.org",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/barrierefreiheit/feedback/confirmation", response.Headers.Location!.OriginalString);
        var (_, confirmation) = await client.GetAsync("/barrierefreiheit/feedback/confirmation");
        Assert.Equal("Vielen Dank für Ihre Rückmeldung", confirmation.QuerySelector("h1")!.TextContent);
        Assert.Null(confirmation.QuerySelector(".notice-warning"));

        var stored = await site.ReportAsync(message);
        Assert.NotNull(stored);
        Assert.Equal(("/courses", "Kim Muster", "kim@example.org", null), (stored.PageUrl, stored.Name, stored.Email, stored.UserId));
        Assert.Null(stored.AnsweredAt);

        var mail = await Mailbox.WaitForAsync(site.Smtp!, FeedbackSite.Recipient);
        Assert.Contains(message, mail.TextBody);
        Assert.Contains("kim@example.org", mail.TextBody);
        Assert.Contains($"/admin/accessibility-feedback/{stored.Id}", mail.TextBody);
        Assert.Empty(Mailbox.To(site.Smtp!, "betreiber@iqlearning.test")); // the dedicated recipient wins over the operator
    }

    [Fact]
    public async Task A_signed_in_reporter_is_linked_to_the_report()
    {
        var user = await TestAccounts.CreateAsync(site);
        using var client = await TestAccounts.SignedInAsync(site, user, "en");
        var message = $"Contrast too low {Guid.NewGuid():N}";

        var response = await client.SubmitAsync("/barrierefreiheit/feedback", Action, new Dictionary<string, string> { ["Message"] = message });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(user.Id, (await site.ReportAsync(message))!.UserId);
    }

    [Theory, InlineData("de", "Bitte beschreiben Sie die Barriere."), InlineData("en", "Please describe the barrier.")]
    public async Task Errors_are_tied_to_their_fields_and_nothing_is_stored(string language, string requiredMessage)
    {
        using var client = SiteClient.For(site, language);
        var tooLongName = new string('x', 201);

        var response = await client.SubmitAsync("/barrierefreiheit", Action, new Dictionary<string, string>
        {
            ["Message"] = "   ", ["Email"] = "kein-at-zeichen", ["Name"] = tooLongName, ["PageUrl"] = "/courses",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteClient.ParseAsync(response);
        foreach (var (field, hint) in new[] { ("Message", "Message-hint "), ("Email", "Email-hint "), ("Name", "") })
        {
            var input = page.QuerySelector($"[name={field}]")!;
            Assert.Equal("true", input.GetAttribute("aria-invalid"));
            Assert.Equal($"{hint}{field}-error", input.GetAttribute("aria-describedby"));
            Assert.False(string.IsNullOrWhiteSpace(page.GetElementById($"{field}-error")!.TextContent), field);
            Assert.NotNull(page.QuerySelector($".error-summary a[href='#{field}']"));
        }
        Assert.Equal(requiredMessage, page.GetElementById("Message-error")!.TextContent);
        Assert.Null(page.QuerySelector("[name=PageUrl]")!.GetAttribute("aria-invalid"));
        Assert.Equal("/courses", page.QuerySelector("[name=PageUrl]")!.GetAttribute("value")); // typed values stay
        Assert.Equal(tooLongName, page.QuerySelector("[name=Name]")!.GetAttribute("value"));
        Assert.Null(await site.WithDbAsync(db => Task.FromResult(db.AccessibilityFeedback.FirstOrDefault(f => f.Name == tooLongName))));
    }

    [Fact]
    public async Task The_form_suggests_the_page_the_reporter_came_from()
    {
        using var client = SiteClient.For(site);
        var request = new HttpRequestMessage(HttpMethod.Get, "/barrierefreiheit");
        request.Headers.Referrer = new Uri(client.Http.BaseAddress!, "/courses?q=agg");

        var page = await SiteClient.ParseAsync(await client.Http.SendAsync(request));

        Assert.Equal("/courses?q=agg", page.QuerySelector("[name=PageUrl]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("ziel@example.org", "betreiber@example.org", "ziel@example.org")]
    [InlineData("", "betreiber@example.org", "betreiber@example.org")]
    [InlineData(" ", "", null)]
    public void The_recipient_falls_back_to_the_operator_and_then_to_none(string recipient, string operatorEmail, string? expected)
    {
        var address = new FeedbackRecipient(Options.Create(new AccessibilityOptions { FeedbackRecipient = recipient }),
            Options.Create(new SiteOptions { OperatorEmail = operatorEmail })).Address;
        Assert.Equal(expected, address);
    }
}
