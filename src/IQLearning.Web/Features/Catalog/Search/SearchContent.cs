using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Catalog;

/// <param name="Url">Where the hit leads: a lesson leads to its course page (lessons have no public page of their own).</param>
/// <param name="Context">For a lesson: the title of its course.</param>
public sealed record SearchHit(ContentKind Kind, string Title, string Summary, string Language, string Url, string? Context);

public sealed record SearchGroup(ContentKind Kind, IReadOnlyList<SearchHit> Hits);

public sealed record SearchResults(string? Query, IReadOnlyList<SearchGroup> Groups)
{
    public static readonly ContentKind[] Kinds = [ContentKind.Course, ContentKind.Lesson, ContentKind.Material, ContentKind.Standard];
    public bool HasQuery => !string.IsNullOrWhiteSpace(Query);
    public int Total => Groups.Sum(g => g.Hits.Count);
}

/// <summary>Searches titles and texts of published courses, lessons, materials and standards: every term must match.</summary>
public sealed class ContentSearch(AppDbContext db)
{
    public async Task<SearchResults> SearchAsync(string? query, CancellationToken cancellationToken = default)
    {
        var terms = SearchTerms.Of(query);
        if (terms.Count == 0) return new SearchResults(query, []);

        var rows = await db.Published()
            .Where(v => v.Item!.Kind == ContentKind.Course || v.Item.Kind == ContentKind.Lesson ||
                        v.Item.Kind == ContentKind.Material || v.Item.Kind == ContentKind.Standard)
            .ContainingAll(terms)
            .Select(v => new
            {
                v.Item!.Kind, v.Item.Slug, v.Item.Language, v.Title, v.Summary,
                // A lesson is found only through a course the public may see.
                Course = db.ContentItems
                    .Where(c => c.Id == v.Item.ParentId && c.Kind == ContentKind.Course && !c.Archived && c.PublishedVersionId != null)
                    .Select(c => new { c.Slug, Title = db.ContentVersions.Where(cv => cv.Id == c.PublishedVersionId).Select(cv => cv.Title).First() })
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var hits = rows
            .Where(r => r.Kind != ContentKind.Lesson || r.Course is not null)
            .Select(r => r.Kind == ContentKind.Lesson
                ? new SearchHit(r.Kind, r.Title, r.Summary, r.Language, $"/courses/{r.Course!.Slug}", r.Course.Title)
                : new SearchHit(r.Kind, r.Title, r.Summary, r.Language, $"{PathOf(r.Kind)}/{r.Slug}", null));
        var groups = hits.GroupBy(h => h.Kind)
            .OrderBy(g => Array.IndexOf(SearchResults.Kinds, g.Key))
            .Select(g => new SearchGroup(g.Key, g.OrderBy(h => h.Title, StringComparer.CurrentCulture).ToList()))
            .ToList();
        return new SearchResults(query, groups);
    }

    private static string PathOf(ContentKind kind) => kind switch
    {
        ContentKind.Course => "/courses",
        ContentKind.Material => "/materials",
        ContentKind.Standard => "/standards",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
