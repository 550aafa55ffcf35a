using System.Buffers.Binary;
using System.Security.Cryptography;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Accounts.TwoFactor;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IQLearning.Tests.Support;

/// <summary>
/// Creates confirmed accounts directly, for tests that are not about registration. Accounts in a role that must
/// use a second factor get one already set up, and <see cref="SignedInAsync"/> completes that step itself.
/// </summary>
public static class TestAccounts
{
    public const string Password = "ein langes Passwort 2026";

    public static async Task<ApplicationUser> CreateAsync(SiteFactory site, string role = Roles.Learner, string? email = null, bool? twoFactor = null)
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
        if (twoFactor ?? RequireTwoFactorSetup.RolesThatNeedIt.Contains(role))
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }
        return user;
    }

    /// <summary>
    /// Signs in with the password and, when the account asks for it, a code computed from its authenticator key.
    /// An account whose role needs a second factor it does not have yet (say, just promoted) sets one up through
    /// the set-up page, as its owner would be made to, unless <paramref name="completeTwoFactorSetup"/> is false.
    /// </summary>
    public static async Task<SiteClient> SignedInAsync(SiteFactory site, ApplicationUser user, string language = "de", bool completeTwoFactorSetup = true) =>
        await SignInAsync(SiteClient.For(site, language), site, user, completeTwoFactorSetup);

    /// <summary>Signs in with a client made elsewhere (say, one whose requests arrive as HTTPS); see <see cref="SignedInAsync"/>.</summary>
    public static async Task<SiteClient> SignInAsync(SiteClient client, SiteFactory site, ApplicationUser user, bool completeTwoFactorSetup = true)
    {
        var response = await client.SubmitAsync("/account/login", "/account/login",
            new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = Password });
        if ((int)response.StatusCode == 302 && response.Headers.Location!.OriginalString.StartsWith("/account/login/two-factor"))
            response = await client.SubmitAsync(response.Headers.Location.OriginalString, "/account/login/two-factor",
                new Dictionary<string, string> { ["Code"] = await FreshCodeAsync(site, user) });
        if ((int)response.StatusCode != 302)
            throw new InvalidOperationException($"Sign-in of {user.Email} failed: {(int)response.StatusCode}");
        if (completeTwoFactorSetup && (await client.Http.GetAsync("/account/profile")).Headers.Location?.OriginalString == "/account/two-factor")
            await CompleteTwoFactorSetupAsync(client);
        return client;
    }

    /// <summary>What the owner of an account does when the site sends them to set up a second factor.</summary>
    public static async Task CompleteTwoFactorSetupAsync(SiteClient client)
    {
        var (_, setup) = await client.GetAsync("/account/two-factor");
        var key = setup.QuerySelector(".shared-key")!.TextContent.Replace(" ", "");
        await client.SubmitAsync("/account/two-factor", "/account/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Code(key) });
    }

    /// <summary>
    /// The same in a browser: password, then the code when the second step appears; waits for the start page.
    /// <paramref name="atSecondStep"/> runs on the code page before the code is entered (to check that page).
    /// </summary>
    public static async Task SignInAsync(IPage page, SiteFactory site, string baseUrl, ApplicationUser user, Func<IPage, Task>? atSecondStep = null)
    {
        await page.GotoAsync(baseUrl + "/account/login");
        await page.FillAsync("#Email", user.Email!);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => url == baseUrl + "/" || url.Contains("/account/login/two-factor"));
        if (page.Url.Contains("/account/login/two-factor"))
        {
            if (atSecondStep is not null) await atSecondStep(page);
            await page.FillAsync("#Code", await FreshCodeAsync(site, user));
            await page.ClickAsync("main button[type=submit]");
            await page.WaitForURLAsync(baseUrl + "/");
        }
    }

    /// <summary>The browser sign-in of an account known by its e-mail address.</summary>
    public static async Task SignInAsync(IPage page, SiteFactory site, string baseUrl, string email)
    {
        ApplicationUser user;
        using (var scope = site.Services.CreateScope())
            user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email)
                ?? throw new InvalidOperationException($"No account {email}.");
        await SignInAsync(page, site, baseUrl, user);
    }

    public static async Task<string> AuthenticatorKeyAsync(SiteFactory site, ApplicationUser user)
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(user.Id))!)
            ?? throw new InvalidOperationException($"{user.Email} has no authenticator key.");
    }

    /// <summary>
    /// The current code, after forgetting which code the account used last: a code works once only, and tests sign
    /// the same account in many times within one 30-second step (a person would wait for the next code).
    /// </summary>
    public static async Task<string> FreshCodeAsync(SiteFactory site, ApplicationUser user)
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = (await users.FindByIdAsync(user.Id))!;
        Check(await users.RemoveAuthenticationTokenAsync(account, UsedAuthenticatorCodes.LoginProvider, UsedAuthenticatorCodes.TokenName));
        return Totp.Code((await users.GetAuthenticatorKeyAsync(account))!);
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.org";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}

/// <summary>RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits), written here so tests do not trust the code under test.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset? at = null, int stepOffset = 0)
    {
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30 + stepOffset;
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(Base32(base32Key), counter);
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6");
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8) { bytes.Add((byte)(buffer >> (bits - 8))); bits -= 8; }
        }
        return [.. bytes];
    }
}
