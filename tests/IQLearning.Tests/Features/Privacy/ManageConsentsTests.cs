using System.Net;
using IQLearning.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Tests.Features.Privacy;

[Collection(SiteCollection.Name)]
public sealed class ManageConsentsTests(PrivacySite site) : IClassFixture<PrivacySite>
{
    [Fact]
    public async Task Withdrawing_notes_the_time_and_giving_again_starts_a_new_row_both_audited()
    {
        var me = await LearnerRecords.SeedAsync(site);
        using var client = await TestAccounts.SignedInAsync(site, me.User);
        var (_, page) = await client.GetAsync("/account/privacy");
        Assert.NotNull(page.QuerySelector($"form[action='/account/privacy/consents/{me.OrganizationId}/withdraw']"));
        Assert.Null(page.QuerySelector($"form[action='/account/privacy/consents/{me.OrganizationId}/give']"));

        var withdrawnAt = site.Now;
        var withdrawn = await client.SubmitAsync("/account/privacy", $"/account/privacy/consents/{me.OrganizationId}/withdraw", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        site.Clock.Advance(TimeSpan.FromMinutes(5));
        var given = await client.SubmitAsync("/account/privacy", $"/account/privacy/consents/{me.OrganizationId}/give", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);

        var rows = await site.WithDbAsync(db => db.CertificateConsents.AsNoTracking()
            .Where(c => c.UserId == me.User.Id && c.OrganizationId == me.OrganizationId).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal(withdrawnAt, rows[0].WithdrawnAt);
        Assert.True(rows[0].GivenAt < withdrawnAt);
        Assert.Equal(site.Now, rows[1].GivenAt);
        Assert.Null(rows[1].WithdrawnAt);
        var actions = await site.WithDbAsync(db => db.AuditEvents.Where(e => e.ActorId == me.User.Id && e.Subject == $"organization:{me.OrganizationId}")
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(["privacy.consent-withdrawn", "privacy.consent-given"], actions);
    }

    [Fact]
    public async Task The_page_lists_my_organizations_with_their_consent_state()
    {
        var me = await LearnerRecords.SeedAsync(site);
        using var client = await TestAccounts.SignedInAsync(site, me.User);

        var (_, page) = await client.GetAsync("/account/privacy");

        var rows = page.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        var withConsent = rows.Single(r => r.TextContent.Contains("Jobcenter"));
        Assert.NotNull(withConsent.QuerySelector($"form[action='/account/privacy/consents/{me.OrganizationId}/withdraw'] button"));
        var without = rows.Single(r => r.TextContent.Contains("Arbeitgeber"));
        Assert.Contains("Nicht erteilt", without.TextContent);
        Assert.NotNull(without.QuerySelector($"form[action='/account/privacy/consents/{me.OtherOrganizationId}/give'] button"));
    }

    [Fact]
    public async Task Giving_twice_keeps_one_consent_in_force()
    {
        var me = await LearnerRecords.SeedAsync(site);
        using var client = await TestAccounts.SignedInAsync(site, me.User);

        await client.PostFromPageAsync("/account/privacy", $"/account/privacy/consents/{me.OtherOrganizationId}/give");
        await client.PostFromPageAsync("/account/privacy", $"/account/privacy/consents/{me.OtherOrganizationId}/give");

        Assert.Equal(1, await site.WithDbAsync(db => db.CertificateConsents.CountAsync(c => c.UserId == me.User.Id && c.OrganizationId == me.OtherOrganizationId)));
    }

    [Fact]
    public async Task Consent_for_an_organization_I_do_not_belong_to_is_404_and_stores_nothing()
    {
        var me = await LearnerRecords.SeedAsync(site);
        var stranger = await LearnerRecords.SeedAsync(site);
        using var client = await TestAccounts.SignedInAsync(site, me.User);

        var give = await client.PostFromPageAsync("/account/privacy", $"/account/privacy/consents/{stranger.OtherOrganizationId}/give");
        var withdraw = await client.PostFromPageAsync("/account/privacy", $"/account/privacy/consents/{stranger.OrganizationId}/withdraw");

        Assert.Equal(HttpStatusCode.NotFound, give.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.False(await site.WithDbAsync(db => db.CertificateConsents.AnyAsync(c => c.UserId == me.User.Id && c.OrganizationId == stranger.OtherOrganizationId)));
        Assert.Null(await site.WithDbAsync(db => db.CertificateConsents.Where(c => c.UserId == stranger.User.Id && c.OrganizationId == stranger.OrganizationId)
            .Select(c => c.WithdrawnAt).SingleAsync()));
    }
}
