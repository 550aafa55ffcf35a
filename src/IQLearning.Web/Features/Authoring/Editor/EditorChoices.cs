using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Authoring;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Authoring;

/// <summary>The units an actor may create a kind in, the courses of those units, and the standards a course may meet.</summary>
public sealed class EditorChoices(AppDbContext db)
{
    public async Task<EditorChoiceLists> LoadAsync(ContentActor actor, ContentKind kind, CancellationToken cancellationToken = default)
    {
        var units = (await db.SpecialistUnits.AsNoTracking().OrderBy(u => u.Name).Select(u => new UnitChoice(u.Id, u.Name)).ToListAsync(cancellationToken))
            .Where(u => actor.Can(ContentPermission.EditOwn, kind, u.Id, actor.UserId))
            .ToList();
        var unitIds = units.Select(u => u.Id).ToList();
        var courses = kind is ContentKind.Lesson or ContentKind.Assessment or ContentKind.Scenario
            ? await LatestTitles(db.ContentItems.Where(i => i.Kind == ContentKind.Course && unitIds.Contains(i.UnitId)))
                .Select(c => new CourseChoice(c.Id, c.UnitId, c.Title, c.Slug)).ToListAsync(cancellationToken)
            : [];
        // Standards are public reference texts: a course may meet a standard of any unit.
        var standards = kind == ContentKind.Course
            ? await LatestTitles(db.ContentItems.Where(i => i.Kind == ContentKind.Standard && !i.Archived))
                .Select(s => new StandardChoice(s.Slug, s.Title)).ToListAsync(cancellationToken)
            : [];
        return new EditorChoiceLists(units, courses, standards);
    }

    private IQueryable<TitledItem> LatestTitles(IQueryable<ContentItem> items) =>
        items.AsNoTracking()
            .Select(i => new TitledItem
            {
                Id = i.Id, UnitId = i.UnitId, Slug = i.Slug,
                Title = db.ContentVersions.Where(v => v.Id == i.LatestVersionId).Select(v => v.Title).FirstOrDefault() ?? i.Slug,
            })
            .OrderBy(i => i.Title);

    // An initialiser, not a constructor, so EF Core can order by Title in SQL.
    private sealed class TitledItem
    {
        public int Id { get; init; }
        public int UnitId { get; init; }
        public string Slug { get; init; } = "";
        public string Title { get; init; } = "";
    }
}
