using System.Security.Claims;
using IQLearning.Theme.Navigation;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts.Passwords;
using IQLearning.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Features.Accounts;

public static class AccountsServiceCollectionExtensions
{
    public const string DisplayNameClaim = "display_name";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
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
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<DisplayNameClaimsFactory>();

        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".IQLearning.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(2);
            o.SlidingExpiration = true;
            // A signed-in user without the role gets a real 403 (rendered by the status page), not a redirect.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddOptions<AdminBootstrapOptions>().BindConfiguration(AdminBootstrapOptions.Section);
        services.AddScoped<AdministratorAccount>();
        services.AddScoped<AccountMails>();
        services.AddStartupTask<SeedRoles>();
        services.AddStartupTask<BootstrapAdministrator>();
        services.AddSiteCommand<CreateAdminCommand>();
        services.AddSingleton(new NavigationItem("Nav.Home", "/", 0));
        services.AddSingleton(new NavigationItem("Nav.Profile", "/account/profile", 80, u => u.Identity?.IsAuthenticated == true));
        return services;
    }
}

/// <summary>Puts the display name into the sign-in cookie so the header can greet the user without a query.</summary>
internal sealed class DisplayNameClaimsFactory(
    UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccountsServiceCollectionExtensions.DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
