using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Catalog;

public sealed record StandardPage(string Slug, string Language, string Title, string Summary, string BodyHtml, string Unit,
    StandardMetadata Metadata, IReadOnlyList<StandardVersionEntry> History, IReadOnlyList<CourseLink> Courses);

/// <param name="PublishedAt">When the version was published (its creation for versions published before that was recorded).</param>
public sealed record StandardVersionEntry(int Number, string Version, DateOnly? ValidFrom, DateTime PublishedAt, bool Current);

public sealed record CourseLink(int ItemId, int? TranslationOfId, string Slug, string Language, string Title) : ITranslatable;

/// <summary>A published standard, every version it has been published in, and the published courses that meet it.</summary>
public sealed class StandardDetails(AppDbContext db)
{
    public async Task<StandardPage?> FindAsync(string slug, string readerLanguage, CancellationToken cancellationToken = default)
    {
        var standard = await db.Published(ContentKind.Standard).Where(v => v.Item!.Slug == slug)
            .Select(v => new { ItemId = v.Item!.Id, VersionId = v.Id, v.Item.Language, v.Title, v.Summary, v.BodyHtml, Unit = v.Item.Unit!.Name, v.MetadataJson })
            .SingleOrDefaultAsync(cancellationToken);
        if (standard is null) return null;

        var history = await db.ContentVersions.AsNoTracking()
            .Where(v => v.ContentItemId == standard.ItemId && (v.Status == VersionStatus.Published || v.Status == VersionStatus.Superseded))
            .OrderByDescending(v => v.Number)
            .Select(v => new { v.Id, v.Number, v.MetadataJson, PublishedAt = v.PublishedAt ?? v.CreatedAt })
            .ToListAsync(cancellationToken);
        var versions = history.Select(v =>
        {
            var metadata = Metadata.Of<StandardMetadata>(v.MetadataJson);
            return new StandardVersionEntry(v.Number, metadata.Version, metadata.ValidFrom, v.PublishedAt, v.Id == standard.VersionId);
        }).ToList();

        return new StandardPage(slug, standard.Language, standard.Title, standard.Summary, standard.BodyHtml, standard.Unit,
            Metadata.Of<StandardMetadata>(standard.MetadataJson), versions, await CoursesMeetingAsync(slug, readerLanguage, cancellationToken));
    }

    /// <summary>The courses list their standards in metadata JSON; the course set is small, so it is filtered here rather than with provider-specific JSON SQL.</summary>
    private async Task<IReadOnlyList<CourseLink>> CoursesMeetingAsync(string slug, string readerLanguage, CancellationToken cancellationToken)
    {
        var courses = await db.Published(ContentKind.Course)
            .Select(v => new { v.Item!.Id, v.Item.TranslationOfId, v.Item.Slug, v.Item.Language, v.Title, v.MetadataJson })
            .ToListAsync(cancellationToken);
        return courses.Where(c => Metadata.Of<CourseMetadata>(c.MetadataJson).Standards.Contains(slug))
            .Select(c => new CourseLink(c.Id, c.TranslationOfId, c.Slug, c.Language, c.Title))
            .OnePerPair(readerLanguage)
            .OrderBy(c => c.Title, StringComparer.CurrentCulture).ToList();
    }
}
