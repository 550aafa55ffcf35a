using System.Net;
using AngleSharp.Html.Dom;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IQLearning.Tests.Security;

/// <summary>The site with the shipped curriculum and self-assessments, so catalog, search, quizzes and scenarios have content.</summary>
public sealed class CurriculumSite : SiteFactory
{
    public CurriculumSite() : base(startSmtp: false, useSmtp: false)
    {
        WithSetting("Content:SeedDirectory", ShippedContent);
        WithSetting("SelfAssessments:Directory", Path.Combine(ShippedContent, "self-assessments"));
    }
}

/// <summary>The site told it runs behind a TLS-terminating proxy (Site:BehindProxy).</summary>
public sealed class ProxiedSite : SiteFactory
{
    public ProxiedSite() : base(startSmtp: false, useSmtp: false) => WithSetting("Site:BehindProxy", "true");
}

internal static class SecureClients
{
    /// <summary>A client whose requests arrive as HTTPS (TestServer takes the scheme from the request URI).</summary>
    public static SiteClient Https(SiteFactory site) =>
        new(site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://iqlearning.test"), AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Signs in on this client (say, an HTTPS one), with the second step when the account has one.</summary>
    public static async Task<SiteClient> SignedInAsync(SiteFactory site, SiteClient client, ApplicationUser user)
    {
        var response = await client.SubmitAsync("/account/login", "/account/login",
            new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = TestAccounts.Password });
        if (response.Headers.Location?.OriginalString.StartsWith("/account/login/two-factor") == true)
            response = await client.SubmitAsync(response.Headers.Location.OriginalString, "/account/login/two-factor",
                new Dictionary<string, string> { ["Code"] = await TestAccounts.FreshCodeAsync(site, user) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/account/profile")).StatusCode);
        return client;
    }

    /// <summary>An account in every role, so no endpoint turns it away before its own checks run.</summary>
    public static async Task<ApplicationUser> AllRolesAsync(SiteFactory site)
    {
        var user = await TestAccounts.CreateAsync(site, Roles.Administrator);
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(site.Services);
        var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>(scope.ServiceProvider);
        var tracked = (await users.FindByIdAsync(user.Id))!;
        await users.AddToRolesAsync(tracked, Roles.All.Where(r => r != Roles.Administrator));
        return user;
    }

    public static string? Token(IHtmlDocument page) =>
        (page.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value;
}
