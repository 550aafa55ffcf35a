using IQLearning.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Support;

/// <summary>Creates confirmed accounts directly, for tests that are not about registration.</summary>
public static class TestAccounts
{
    public const string Password = "ein langes Passwort 2026";

    public static async Task<ApplicationUser> CreateAsync(SiteFactory site, string role = Roles.Learner, string? email = null)
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email ?? Unique("user"), Email = email ?? Unique("user"), EmailConfirmed = true,
            DisplayName = $"Test {role}", CreatedAt = DateTime.UtcNow,
        };
        user.Email = user.UserName;
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    public static async Task<SiteClient> SignedInAsync(SiteFactory site, ApplicationUser user, string language = "de")
    {
        var client = SiteClient.For(site, language);
        var response = await client.SubmitAsync("/account/login", "/account/login",
            new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = Password });
        if ((int)response.StatusCode != 302)
            throw new InvalidOperationException($"Sign-in of {user.Email} failed: {(int)response.StatusCode}");
        return client;
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.org";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
