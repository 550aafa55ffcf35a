using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Infrastructure.Localization;

public static class LocalizationExtensions
{
    public static IServiceCollection AddSiteLocalization(this IServiceCollection services)
    {
        services.AddSingleton(TextCatalog.FromAssemblies(typeof(TextCatalog).Assembly, typeof(Theme.ThemeMarker).Assembly));
        services.AddSingleton<IStringLocalizerFactory, CatalogStringLocalizerFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddSingleton<IStringLocalizer>(sp => sp.GetRequiredService<IStringLocalizerFactory>().Create(typeof(TextCatalog)));
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();
        services.AddSingleton<SiteTime>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            // Text is chosen by language (de, en); dates and numbers by a specific culture of that language.
            options.DefaultRequestCulture = new RequestCulture(FormattingCultures.For(TextCatalog.DefaultCulture), TextCatalog.DefaultCulture);
            options.AddSupportedCultures(TextCatalog.SupportedCultures.Select(FormattingCultures.For).ToArray())
                .AddSupportedUICultures(TextCatalog.SupportedCultures);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // The language switch writes the cookie; without it the browser's Accept-Language decides.
            options.RequestCultureProviders =
            [
                new FormattingCultures(new CookieRequestCultureProvider()),
                new FormattingCultures(new AcceptLanguageHeaderRequestCultureProvider()),
            ];
        });
        return services;
    }
}

/// <summary>
/// The formatting culture of each language: de-DE (28.11.2026 14:30) and en-GB (28/11/2026 14:30). British English
/// because the site's English readers are in Europe: day before month and a 24-hour clock, the order a German date
/// has, where the neutral en (US) would write 11/28/2026 2:30 PM and make 03/04 ambiguous. The certificate PDFs and
/// credentials use en-GB too. Wraps a provider and maps whatever language it found (en-US, de-AT, en) to these, so
/// one language always formats one way; the UI culture (the texts) stays as found and falls back to de or en.
/// </summary>
public sealed class FormattingCultures(IRequestCultureProvider inner) : RequestCultureProvider
{
    public static string For(string language) => CultureInfo.GetCultureInfo(language).TwoLetterISOLanguageName switch
    {
        "de" => "de-DE",
        "en" => "en-GB",
        _ => language,
    };

    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var found = await inner.DetermineProviderCultureResult(httpContext);
        if (found is null) return null;
        var cultures = found.Cultures.Select(c => new Microsoft.Extensions.Primitives.StringSegment(Known(c.Value) is { } known ? For(known) : c.Value)).ToList();
        return new ProviderCultureResult(cultures, found.UICultures);
    }

    private static string? Known(string? name)
    {
        try { return string.IsNullOrEmpty(name) ? null : CultureInfo.GetCultureInfo(name).Name; }
        catch (CultureNotFoundException) { return null; }
    }
}

/// <summary>The messages MVC's model binding writes itself ("The value '' is invalid."), in the request's language.</summary>
internal sealed class LocalizedModelBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var t = factory.Create(typeof(TextCatalog));
        var m = options.ModelBindingMessageProvider;
        m.SetValueMustNotBeNullAccessor(_ => t["Validation.Required"]);
        m.SetMissingBindRequiredValueAccessor(_ => t["Validation.Required"]);
        m.SetMissingKeyOrValueAccessor(() => t["Validation.Required"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => t["Validation.Required"]);
        m.SetAttemptedValueIsInvalidAccessor((_, _) => t["Validation.Invalid"]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => t["Validation.Invalid"]);
        m.SetUnknownValueIsInvalidAccessor(_ => t["Validation.Invalid"]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Validation.Invalid"]);
        m.SetValueIsInvalidAccessor(_ => t["Validation.Invalid"]);
        m.SetValueMustBeANumberAccessor(_ => t["Validation.Number"]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => t["Validation.Number"]);
    }
}
