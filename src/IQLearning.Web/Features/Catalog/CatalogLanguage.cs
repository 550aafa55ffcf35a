using System.Globalization;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Catalog;

/// <summary>The reader's UI language and how content in another language is marked and labelled.</summary>
public static class CatalogLanguage
{
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>The <c>lang</c> value for content in <paramref name="contentLanguage"/>: null (Razor drops the attribute) when it is the page's language.</summary>
    public static string? AttributeFor(string contentLanguage) =>
        string.Equals(contentLanguage, Current, StringComparison.OrdinalIgnoreCase) ? null : contentLanguage;

    public static string Name(IStringLocalizer t, string language) => t[$"Catalog.Language.{language}"];

    public static string Audience(IStringLocalizer t, string audience) => t[$"Catalog.Audience.{audience}"];

    /// <summary>Topics are a free vocabulary: the known ones have a label, a new one shows its slug until it gets one.</summary>
    public static string Topic(IStringLocalizer t, string topic) =>
        t[$"Catalog.Topic.{topic}"] is { ResourceNotFound: false } label ? label.Value : topic;

    public static string Duration(IStringLocalizer t, int minutes) => (minutes / 60, minutes % 60) switch
    {
        (0, var m) => t["Catalog.Duration.Minutes", m],
        (var h, 0) => t["Catalog.Duration.Hours", h],
        var (h, m) => t["Catalog.Duration.HoursMinutes", h, m],
    };
}

/// <summary>A catalog entry that may be one of a translated pair (ContentItem.TranslationOfId).</summary>
public interface ITranslatable
{
    int ItemId { get; }
    int? TranslationOfId { get; }
    string Language { get; }
}

public static class TranslatedPairs
{
    /// <summary>
    /// Keeps one entry of each translated pair: the one in the reader's language, else German (the programme's
    /// language and the original of every shipped translation), else whichever is there.
    /// </summary>
    public static IEnumerable<T> OnePerPair<T>(this IEnumerable<T> entries, string readerLanguage) where T : ITranslatable =>
        entries.GroupBy(e => e.TranslationOfId ?? e.ItemId)
            .Select(pair => pair.OrderBy(e => e.Language == readerLanguage ? 0 : e.Language == "de" ? 1 : 2).ThenBy(e => e.ItemId).First());
}
