using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Catalog;

public sealed record CourseCard(int ItemId, int? TranslationOfId, string Slug, string Language, string Title, string Summary,
    string Unit, CourseMetadata Metadata) : ITranslatable;

public sealed record CourseCatalogPage(CatalogFilter Filter, IReadOnlyList<CourseCard> Courses, IReadOnlyList<string> Topics);

/// <summary>The course catalog: published courses, filtered, one of each translated pair unless languages are chosen.</summary>
public sealed class CourseCatalog(AppDbContext db)
{
    public async Task<CourseCatalogPage> ListAsync(CatalogFilter filter, string readerLanguage, CancellationToken cancellationToken = default)
    {
        filter = filter.Normalised();
        var query = db.Published(ContentKind.Course).ContainingAll(filter.Terms);
        if (filter.Language.Count > 0) query = query.Where(v => filter.Language.Contains(v.Item!.Language));
        var rows = await query
            .Select(v => new { v.Item!.Id, v.Item.TranslationOfId, v.Item.Slug, v.Item.Language, v.Title, v.Summary, Unit = v.Item.Unit!.Name, v.MetadataJson })
            .ToListAsync(cancellationToken);

        var band = DurationBand.Find(filter.Duration);
        var courses = rows
            .Select(r => new CourseCard(r.Id, r.TranslationOfId, r.Slug, r.Language, r.Title, r.Summary, r.Unit,
                Metadata.Of<CourseMetadata>(r.MetadataJson)))
            .Where(c => filter.Matches(c.Metadata.Audiences, c.Metadata.Topics) && (band is null || band.Contains(c.Metadata.DurationMinutes)));
        // Both versions of a pair are listed only when the reader asks for languages.
        if (filter.Language.Count == 0) courses = courses.OnePerPair(readerLanguage);

        return new CourseCatalogPage(filter, courses.OrderBy(c => c.Title, StringComparer.CurrentCulture).ToList(), await TopicsAsync(cancellationToken));
    }

    /// <summary>The topic choices: every topic of a published course, whatever the other filters.</summary>
    private async Task<IReadOnlyList<string>> TopicsAsync(CancellationToken cancellationToken)
    {
        var metadata = await db.Published(ContentKind.Course).Select(v => v.MetadataJson).ToListAsync(cancellationToken);
        return metadata.SelectMany(m => Metadata.Of<CourseMetadata>(m).Topics).Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
