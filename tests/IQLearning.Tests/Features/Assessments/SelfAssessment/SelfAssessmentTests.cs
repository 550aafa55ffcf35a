using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Assessments.SelfAssessment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Assessments.SelfAssessment;

public sealed class SelfAssessmentSite : SiteFactory
{
    public SelfAssessmentSite() => WithSetting("SelfAssessments:Directory", Path.Combine(ShippedContent, "self-assessments"));
}

[Collection(SiteCollection.Name)]
public sealed class SelfAssessmentTests(SelfAssessmentSite site) : IClassFixture<SelfAssessmentSite>
{
    private const string Slug = "interkulturelle-kompetenz";

    private static SelfAssessmentInstrument Instrument() =>
        InstrumentReader.Read(Slug + ".yml", File.ReadAllText(Path.Combine(SiteFactory.ShippedContent, "self-assessments", Slug + ".yml"))).Instrument!;

    private static Dictionary<string, string> AllRated(int rating) =>
        Instrument().Items.ToDictionary(i => TakeSelfAssessment.ItemPrefix + i.Id, _ => rating.ToString());

    private async Task<(SiteClient Client, string UserId)> LearnerAsync()
    {
        var user = await TestAccounts.CreateAsync(site);
        return (await TestAccounts.SignedInAsync(site, user), user.Id);
    }

    [Fact]
    public async Task A_completed_self_check_shows_the_profile_only_to_the_learner()
    {
        var (learner, userId) = await LearnerAsync();
        var response = await learner.SubmitAsync($"/self-assessment/{Slug}", $"/self-assessment/{Slug}", AllRated(4));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var resultUrl = response.Headers.Location!.ToString();

        var (status, page) = await learner.GetAsync(resultUrl);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(page.QuerySelector("svg[role=img] title"));
        var rows = page.QuerySelectorAll("table tbody tr");
        Assert.Equal(Instrument().Dimensions.Count, rows.Length);
        // Every dimension mixes normal and reversed items, so "4 everywhere" never reads as 4 where a reversed item counts 2.
        var expected = SelfAssessmentProfile.Compute(Instrument(), Instrument().Items.ToDictionary(i => i.Id, _ => 4));
        Assert.Equal(expected.Dimensions.Select(d => d.Mean.ToString("0.0#", new System.Globalization.CultureInfo("de"))),
            rows.Select(r => r.QuerySelector("td")!.TextContent));

        var (other, _) = await LearnerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(resultUrl)).Status);
        var (_, otherPage) = await other.GetAsync($"/self-assessment/{Slug}");
        Assert.Null(otherPage.QuerySelector($"a[href='{resultUrl}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFromPageAsync($"/self-assessment/{Slug}", resultUrl + "/delete")).StatusCode);
        Assert.Equal(1, await CountAsync(userId));
    }

    [Fact]
    public async Task A_self_check_with_an_unrated_statement_is_not_stored_and_keeps_the_given_ratings()
    {
        var (learner, userId) = await LearnerAsync();
        var fields = AllRated(2);
        var skipped = Instrument().Items.Last();
        fields.Remove(TakeSelfAssessment.ItemPrefix + skipped.Id);

        var response = await learner.SubmitAsync($"/self-assessment/{Slug}", $"/self-assessment/{Slug}", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await SiteClient.ParseAsync(response);
        Assert.NotNull(page.QuerySelector($".error-summary a[href='#item-{skipped.Id}-1']"));
        Assert.Equal(Instrument().Items.Count() - 1, page.QuerySelectorAll("input[type=radio][checked]").Length);
        Assert.Equal(0, await CountAsync(userId));
    }

    [Fact]
    public async Task The_learner_can_delete_their_results()
    {
        var (learner, userId) = await LearnerAsync();
        var first = await learner.SubmitAsync($"/self-assessment/{Slug}", $"/self-assessment/{Slug}", AllRated(3));
        await learner.SubmitAsync($"/self-assessment/{Slug}", $"/self-assessment/{Slug}", AllRated(5));
        var (other, otherId) = await LearnerAsync();
        await other.SubmitAsync($"/self-assessment/{Slug}", $"/self-assessment/{Slug}", AllRated(1));

        var one = await learner.PostFromPageAsync($"/self-assessment/{Slug}", first.Headers.Location + "/delete");
        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.Equal(1, await CountAsync(userId));

        await learner.PostFromPageAsync($"/self-assessment/{Slug}", $"/self-assessment/{Slug}/results/delete");
        Assert.Equal(0, await CountAsync(userId));
        Assert.Equal(1, await CountAsync(otherId));
    }

    [Fact]
    public async Task The_navigation_offers_the_self_assessment_to_signed_in_users_only()
    {
        var (learner, _) = await LearnerAsync();
        var (_, signedIn) = await learner.GetAsync("/");
        var (_, anonymous) = await SiteClient.For(site).GetAsync("/");

        Assert.NotNull(signedIn.QuerySelector(".main-nav a[href='/self-assessment']"));
        Assert.Null(anonymous.QuerySelector(".main-nav a[href='/self-assessment']"));
    }

    private async Task<int> CountAsync(string userId)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IQLearning.Web.Data.AppDbContext>();
        return await db.SelfAssessmentResults.CountAsync(r => r.UserId == userId);
    }
}
