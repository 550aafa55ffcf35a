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
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(TextCatalog.DefaultCulture)
                .AddSupportedCultures(TextCatalog.SupportedCultures)
                .AddSupportedUICultures(TextCatalog.SupportedCultures);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // The language switch writes the cookie; without it the browser's Accept-Language decides.
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
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
