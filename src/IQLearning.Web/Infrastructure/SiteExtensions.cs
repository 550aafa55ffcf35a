using IQLearning.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Mvc.Razor;

namespace IQLearning.Web.Infrastructure;

/// <summary>The cross-cutting web plumbing: MVC with feature folders, localization, headers, rate limits, errors.</summary>
public static class SiteExtensions
{
    /// <summary>The largest request body any endpoint accepts unless it raises its own limit (the media upload does).</summary>
    public const long MaxRequestBodyBytes = 10 * 1024 * 1024;

    /// <summary>The longest single form value: a lesson's Markdown fits many times over.</summary>
    public const int MaxFormValueBytes = 1024 * 1024;

    public const int MaxFormKeyLength = 1024;

    public static IServiceCollection AddSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section)
            .Validate(o => Localization.SiteTime.IsKnownZone(o.TimeZone), "Site:TimeZone must name a time zone this machine knows, e.g. Europe/Berlin.")
            .ValidateOnStart();
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
        services.AddSiteCookiePolicy();
        services.AddSiteRequestLimits();
        return services;
    }

    /// <summary>
    /// Every cookie the site sets (sign-in, antiforgery, culture, TempData) is HttpOnly, at least SameSite=Lax and
    /// Secure whenever the request came over HTTPS (behind a proxy: as X-Forwarded-Proto says). The policy applies to
    /// all cookies, so a cookie added later cannot forget a flag; each cookie also sets its own.
    /// </summary>
    private static void AddSiteCookiePolicy(this IServiceCollection services)
    {
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.HttpOnly = HttpOnlyPolicy.Always;
            o.Secure = CookieSecurePolicy.SameAsRequest;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.IsEssential = true;
        });
    }

    /// <summary>Oversized bodies end in 413 before an action runs; oversized form keys or values in 400.</summary>
    private static void AddSiteRequestLimits(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            // "Server: Kestrel" tells a scanner what to try (ZAP 10036); nobody else needs it.
            o.AddServerHeader = false;
        });
        services.Configure<FormOptions>(o =>
        {
            o.ValueLengthLimit = MaxFormValueBytes;
            o.KeyLengthLimit = MaxFormKeyLength;
            o.MultipartBodyLengthLimit = MaxRequestBodyBytes;
        });
    }

    /// <summary>
    /// Kestrel refuses a body over the limit when it is first read, but the reader is usually the antiforgery check or
    /// form binding, which turn every read failure into 400. A refused request whose declared length is over the limit
    /// in force (the media upload raises its own before reading) is answered 413, so the client learns the real reason.
    /// </summary>
    private static IApplicationBuilder UseBodyTooLargeStatus(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next();
            if (!context.Response.HasStarted && context.Response.StatusCode == StatusCodes.Status400BadRequest
                && context.Request.ContentLength is { } length
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit && length > limit)
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        });

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
        app.UseBodyTooLargeStatus();
        app.UseCookiePolicy();
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
