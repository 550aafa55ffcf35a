using System.Security.Claims;
using IQLearning.Theme.Navigation;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts.Passwords;
using IQLearning.Web.Features.Accounts.Sessions;
using IQLearning.Web.Features.Accounts.TwoFactor;
using IQLearning.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Features.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public const string SignInCookieName = ".IQLearning.Auth";

    public const string DisplayNameClaim = "display_name";
    /// <summary>"true" when the account has a second factor; read by <see cref="RequireTwoFactorSetup"/> without a query.</summary>
    public const string TwoFactorClaim = "two_factor";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                o.SignIn.RequireConfirmedEmail = true;
                o.User.RequireUniqueEmail = true;
                // Length over complexity (ASVS 2.1.1, 2.1.9): 12 characters, no composition rules; common and
                // personal passwords are refused by CommonPasswordValidator (2.1.7).
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                // Failed passwords and failed second-factor codes count towards the same lockout.
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            // Replaces the default authenticator provider: each code works once only (ASVS 2.8.4).
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();

        // A changed security stamp (password change, lock, role change, 2FA change, e-mail change) ends the
        // user's other sessions at their next request after this interval (SessionEndTests). Zero was measured
        // (300 requests to /account/profile, SQLite, TestServer): 12-13 ms per request at one minute, 30-32 ms at
        // zero, because every request then loads the user and roles and re-issues the cookie (a Set-Cookie on
        // every response). One minute is the documented upper bound for a session to outlive a lock (ASVS 3.3.1).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = SignInCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = SessionState.OnSigningIn;
            // A signed-in user without the role gets a real 403 (rendered by the status page), not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<AccountsOptions>>((o, accounts) => o.ExpireTimeSpan = TimeSpan.FromMinutes(accounts.Value.SessionMinutes));

        services.AddOptions<AdminBootstrapOptions>().BindConfiguration(AdminBootstrapOptions.Section);
        services.AddScoped<AdministratorAccount>();
        services.AddScoped<AccountMails>();
        services.AddScoped<SessionState>();
        services.AddScoped<AuthenticatorSetup>();
        services.AddScoped<UsedAuthenticatorCodes>();
        services.AddStartupTask<SeedRoles>();
        services.AddStartupTask<BootstrapAdministrator>();
        services.AddSiteCommand<CreateAdminCommand>();
        services.AddSiteCommand<CreateUserCommand>();
        services.AddSingleton(new NavigationItem("Nav.Home", "/", 0));
        services.AddSingleton(new NavigationItem("Nav.Profile", "/account/profile", 80, u => u.Identity?.IsAuthenticated == true));
        return services;
    }

    /// <summary>
    /// The request steps of this feature; call after UseSite (so the user is known) and before the jobs dashboard.
    /// </summary>
    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseMiddleware<RequireTwoFactorSetup>();
        app.UseMiddleware<SessionExpiryItem>();
        return app;
    }
}

/// <summary>
/// Puts the display name (so the header can greet without a query) and whether a second factor is set up into
/// the sign-in cookie. Both are rebuilt when the security stamp is validated, so they follow changes within a minute.
/// </summary>
internal sealed class AccountClaimsFactory(
    UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccountsServiceCollectionExtensions.DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(AccountsServiceCollectionExtensions.TwoFactorClaim, user.TwoFactorEnabled ? "true" : "false"));
        return identity;
    }
}
