using System.Globalization;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Infrastructure.Localization;

/// <summary>Serves every IStringLocalizer (views, data annotations, services) from the one <see cref="TextCatalog"/>.</summary>
public sealed class CatalogStringLocalizerFactory(TextCatalog catalog) : IStringLocalizerFactory
{
    private readonly CatalogStringLocalizer _localizer = new(catalog);
    public IStringLocalizer Create(Type resourceSource) => _localizer;
    public IStringLocalizer Create(string baseName, string location) => _localizer;
}

public sealed class CatalogStringLocalizer(TextCatalog catalog) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var text = catalog.Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, text ?? name, resourceNotFound: text is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalog.For(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)
            .Select(kv => new LocalizedString(kv.Key, kv.Value, false));
}
