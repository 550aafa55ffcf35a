using System.Net;
using IQLearning.Tests.Support;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Features.Accounts;

/// <summary>The site started with Admin__Email and Admin__Password set.</summary>
public sealed class BootstrapSite : SiteFactory
{
    public const string Email = "first-admin@example.org";

    public BootstrapSite() : base(startSmtp: true)
    {
        WithSetting("Admin:Email", Email);
        WithSetting("Admin:Password", TestAccounts.Password);
        WithSetting("Admin:DisplayName", "Erste Administratorin");
    }
}

[Collection(SiteCollection.Name)]
public sealed class AdministratorBootstrapTests(BootstrapSite site) : IClassFixture<BootstrapSite>
{
    [Fact]
    public async Task The_configured_first_administrator_exists_confirmed_and_reaches_the_admin_pages()
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync(BootstrapSite.Email);

        Assert.NotNull(admin);
        Assert.True(admin.EmailConfirmed);
        Assert.Equal("Erste Administratorin", admin.DisplayName);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Administrator));
        using var client = await TestAccounts.SignedInAsync(site, admin, completeTwoFactorSetup: false);
        // Administrators must use a second factor: until it is set up, every page leads to the set-up.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/users")).Status);
        Assert.Equal("/account/two-factor", client.LastResponse!.Headers.Location!.OriginalString);
        var (_, setup) = await client.GetAsync("/account/two-factor");
        var key = setup.QuerySelector(".shared-key")!.TextContent.Replace(" ", "");
        await client.SubmitAsync("/account/two-factor", "/account/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).Status);
    }

    [Fact]
    public async Task The_create_admin_command_reads_the_password_from_standard_input()
    {
        const string email = "cli-admin@example.org";
        using var scope = site.Services.CreateScope();
        var command = scope.ServiceProvider.GetServices<ISiteCommand>().Single(c => c.Name == "create-admin");
        var output = new StringWriter();

        var exit = await command.RunAsync([email, "Kai", "Kommandozeile"], new StringReader(TestAccounts.Password + "\n"), output, CancellationToken.None);

        Assert.Equal(0, exit);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync(email);
        Assert.NotNull(admin);
        Assert.Equal("Kai Kommandozeile", admin.DisplayName);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Administrator));
        Assert.True(await users.CheckPasswordAsync(admin, TestAccounts.Password));
    }

    [Fact]
    public async Task The_create_admin_command_refuses_a_weak_password_and_creates_nothing()
    {
        const string email = "weak-admin@example.org";
        using var scope = site.Services.CreateScope();
        var command = scope.ServiceProvider.GetServices<ISiteCommand>().Single(c => c.Name == "create-admin");
        var output = new StringWriter();

        var exit = await command.RunAsync([email], new StringReader("short\n"), output, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("error:", output.ToString());
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task The_create_user_command_makes_a_confirmed_learner_without_other_roles()
    {
        const string email = "cli-learner@example.org";
        using var scope = site.Services.CreateScope();
        var command = scope.ServiceProvider.GetServices<ISiteCommand>().Single(c => c.Name == "create-user");
        var output = new StringWriter();

        var exit = await command.RunAsync([email, "Lea", "Lernend"], new StringReader(TestAccounts.Password + "\n"), output, CancellationToken.None);

        Assert.Equal(0, exit);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var learner = await users.FindByEmailAsync(email);
        Assert.NotNull(learner);
        Assert.True(learner.EmailConfirmed);
        Assert.Equal("Lea Lernend", learner.DisplayName);
        Assert.Equal([Roles.Learner], await users.GetRolesAsync(learner));
        Assert.Equal(1, await command.RunAsync([email], new StringReader(TestAccounts.Password + "\n"), output, CancellationToken.None));
        Assert.Equal(1, await command.RunAsync(["weak@example.org"], new StringReader("short\n"), output, CancellationToken.None));
        Assert.Null(await users.FindByEmailAsync("weak@example.org"));
    }
}
