using IQLearning.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;

namespace IQLearning.Web.Infrastructure;

/// <summary>The cross-cutting web plumbing: MVC with feature folders, localization, headers, rate limits, errors.</summary>
public static class SiteExtensions
{
    public static IServiceCollection AddSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section).ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSharedState(configuration);
        // German text stays readable in the HTML (ä, ß, „“) instead of becoming numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<PublicLinks>();
        services.AddSiteLocalization();
        services.AddSiteRateLimits(configuration);
        services.AddControllersWithViews(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(TextCatalog)))
            .AddRazorOptions(o => o.ViewLocationExpanders.Insert(0, new FeatureViewLocationExpander()));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".IQLearning.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>The middleware order every request goes through.</summary>
    public static WebApplication UseSite(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Site:BehindProxy")) app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders(Features.Admin.AdminServiceCollectionExtensions.JobsDashboardPath);
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapStaticAssets();
        app.MapControllers();
        return app;
    }
}
