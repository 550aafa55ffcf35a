using System.Net;
using System.Text.RegularExpressions;
using IQLearning.Tests.Support;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Assessments.SelfAssessment;
using IQLearning.Web.Features.Certificates.Model;
using IQLearning.Web.Features.Content.Model;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Security;

/// <summary>
/// An owner with one record behind every learner endpoint that takes an id, made through the real pages, and a
/// second learner who tries each of those ids.
/// </summary>
public sealed partial class ForgedIdWorld : IAsyncLifetime
{
    public const string InstrumentSlug = "interkulturelle-kompetenz";

    public CurriculumSite Site { get; } = new();
    public SiteClient Owner { get; private set; } = null!;
    public SiteClient Intruder { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Ids { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var owner = await TestAccounts.CreateAsync(Site);
        Owner = await TestAccounts.SignedInAsync(Site, owner);
        Intruder = await TestAccounts.SignedInAsync(Site, await TestAccounts.CreateAsync(Site));
        using var scope = Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var quiz = await db.ContentItems.Where(i => i.Kind == ContentKind.Assessment && i.PublishedVersionId != null).OrderBy(i => i.Id).FirstAsync();
        var scenario = await db.ContentItems.Where(i => i.Kind == ContentKind.Scenario && i.PublishedVersionId != null).OrderBy(i => i.Id).FirstAsync();
        var course = await db.ContentItems.Where(i => i.Kind == ContentKind.Course && i.PublishedVersionId != null).OrderBy(i => i.Id).FirstAsync();

        var attempt = await CreatedIdAsync(Owner.PostFromPageAsync($"/quiz/{quiz.Id}", $"/quiz/{quiz.Id}/attempts"), AttemptId());
        var run = await CreatedIdAsync(Owner.PostFromPageAsync($"/scenario/{scenario.Id}", $"/scenario/{scenario.Id}/runs"), RunId());
        var instrument = InstrumentReader.Read(InstrumentSlug + ".yml",
            await File.ReadAllTextAsync(Path.Combine(SiteFactory.ShippedContent, "self-assessments", InstrumentSlug + ".yml"))).Instrument!;
        var result = await CreatedIdAsync(Owner.SubmitAsync($"/self-assessment/{InstrumentSlug}", $"/self-assessment/{InstrumentSlug}",
            instrument.Items.ToDictionary(i => TakeSelfAssessment.ItemPrefix + i.Id, _ => "3")), ResultId());

        var organization = new Organization { Name = "Eigene Organisation", CreatedAt = DateTime.UtcNow };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = organization.Id, UserId = owner.Id, JoinedAt = DateTime.UtcNow });
        db.CertificateConsents.Add(new CertificateConsent { OrganizationId = organization.Id, UserId = owner.Id, GivenAt = DateTime.UtcNow });
        var certificate = new IssuedCertificate
        {
            Number = "IQ-2026-OWNR-0001", UserId = owner.Id, CourseItemId = course.Id, CourseVersionId = course.PublishedVersionId!.Value, HolderName = "Owner",
            CourseTitle = "Kurs", CourseVersionLabel = "1", IssuingUnit = "Fachstelle", Language = "de", IssuedAt = DateTime.UtcNow,
            VerificationUrl = "https://iqlearning.test/v", Pdf = [37, 80, 68, 70], PdfSha256 = new string('b', 64), IssuedBy = "manual",
        };
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync();

        Ids = new Dictionary<string, string>
        {
            ["quiz"] = quiz.Id.ToString(), ["attempt"] = attempt, ["scenario"] = scenario.Id.ToString(), ["run"] = run, ["slug"] = InstrumentSlug,
            ["result"] = result, ["certificate"] = certificate.Id.ToString(), ["organization"] = organization.Id.ToString(), ["owner"] = owner.Id,
        };
    }

    public string Url(string template) => Placeholder().Replace(template, m => Ids[m.Groups[1].Value]);

    /// <summary>Everything the intruder could have changed, as one string to compare before and after.</summary>
    public async Task<string> OwnerStateAsync()
    {
        using var scope = Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var owner = Ids["owner"];
        var attempts = await db.QuizAttempts.Where(a => a.UserId == owner).Select(a => a.Id + a.Status.ToString() + a.AnswersJson + a.Revision + a.DeadlineAt).ToListAsync();
        var runs = await db.ScenarioRuns.Where(r => r.UserId == owner).Select(r => r.Id + r.PathJson + r.FinishedAt).ToListAsync();
        var results = await db.SelfAssessmentResults.CountAsync(r => r.UserId == owner);
        var consents = await db.CertificateConsents.Where(c => c.UserId == owner).Select(c => c.Id + " " + c.WithdrawnAt).ToListAsync();
        return string.Join("|", attempts.Concat(runs).Concat(consents).Append(results.ToString()));
    }

    /// <summary>The id in the Location of the redirect that answered a create request.</summary>
    internal static async Task<string> CreatedIdAsync(Task<HttpResponseMessage> request, Regex id)
    {
        var response = await request;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return id.Match(response.Headers.Location!.ToString()).Groups[1].Value;
    }

    public Task DisposeAsync()
    {
        Owner.Dispose();
        Intruder.Dispose();
        Site.Dispose();
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"/attempts/(\d+)")] internal static partial Regex AttemptId();
    [GeneratedRegex(@"/runs/(\d+)")] internal static partial Regex RunId();
    [GeneratedRegex(@"/results/(\d+)")] internal static partial Regex ResultId();
    [GeneratedRegex(@"\{(\w+)\}")] private static partial Regex Placeholder();
}

[Collection(SiteCollection.Name)]
public sealed class ForgedIdTests(ForgedIdWorld world) : IClassFixture<ForgedIdWorld>
{
    /// <summary>Every learner endpoint that takes an id, with the owner's ids filled in.</summary>
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/quiz/{quiz}/attempts/{attempt}" },
        { "GET", "/quiz/{quiz}/attempts/{attempt}/review" },
        { "GET", "/quiz/{quiz}/attempts/{attempt}/result" },
        { "POST", "/quiz/{quiz}/attempts/{attempt}/answers" },
        { "POST", "/quiz/{quiz}/attempts/{attempt}/submit" },
        { "POST", "/quiz/{quiz}/attempts/{attempt}/extend" },
        { "GET", "/scenario/{scenario}/runs/{run}" },
        { "GET", "/scenario/{scenario}/runs/{run}/choices/1" },
        { "POST", "/scenario/{scenario}/runs/{run}/choices" },
        { "GET", "/self-assessment/{slug}/results/{result}" },
        { "POST", "/self-assessment/{slug}/results/{result}/delete" },
        { "GET", "/account/privacy/certificates/{certificate}/pdf" },
        { "POST", "/account/privacy/consents/{organization}/give" },
        { "POST", "/account/privacy/consents/{organization}/withdraw" },
    };

    [Theory, MemberData(nameof(Endpoints))]
    public async Task Another_learners_id_is_404_and_changes_nothing(string method, string template)
    {
        var before = await world.OwnerStateAsync();
        var url = world.Url(template);

        var status = method == "GET"
            ? (await world.Intruder.GetAsync(url)).Status
            : (await world.Intruder.PostFromPageAsync("/account/privacy", url, new Dictionary<string, string> { ["step"] = "s1", ["option"] = "0" })).StatusCode;

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(before, await world.OwnerStateAsync());
    }

    [Fact]
    public async Task The_owner_reaches_every_page_in_the_table_so_the_404s_are_about_ownership()
    {
        foreach (var template in Endpoints.Where(row => (string)row[0] == "GET").Select(row => (string)row[1]))
        {
            if (template.EndsWith("/review") || template.EndsWith("/result") || template.Contains("/choices/")) continue; // only after submitting or choosing
            var (status, _) = await world.Owner.GetAsync(world.Url(template));
            Assert.True(status == HttpStatusCode.OK, $"{world.Url(template)}: {(int)status}");
        }
    }
}
