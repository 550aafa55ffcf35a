using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Authoring;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Media;

public sealed record UnitChoice(int Id, string Name);

/// <summary>One file of the library as the authoring pages show it.</summary>
public sealed record MediaEntry(int Id, string FileName, string ContentType, long Length, string? AltText,
    int? CaptionsId, string? CaptionsFileName, int UnitId, string UnitName, string Uploader, DateTime UploadedAt)
{
    public MediaType? Type => MediaType.ByContentType(ContentType);
    public MediaKind Kind => Type?.Kind ?? MediaKind.Document;
    public string Url => MediaUrl(Id, FileName);
    public string? CaptionsUrl => CaptionsId is { } id && CaptionsFileName is not null ? MediaUrl(id, CaptionsFileName) : null;
    public string Size => FileSize.Format(Length);

    /// <summary>
    /// What an author pastes into a lesson: an image for images (a decorative one as <c>![-](…)</c>, the content
    /// format's mark for an image screen readers skip), a link for everything else.
    /// </summary>
    public string MarkdownSnippet => Kind == MediaKind.Image
        ? $"![{(string.IsNullOrEmpty(AltText) ? "-" : EscapeMarkdown(AltText))}]({Url})"
        : $"[{EscapeMarkdown(FileName)}]({Url})";

    public static string MediaUrl(int id, string fileName) => $"/media/{id}/{Uri.EscapeDataString(fileName)}";

    private static string EscapeMarkdown(string text) =>
        text.Replace("\\", "\\\\").Replace("[", "\\[").Replace("]", "\\]").ReplaceLineEndings(" ");
}

/// <summary>The upload form's fields as the page shows them again after a refusal.</summary>
public sealed class MediaUploadFields
{
    [Display(Name = "Media.Field.Unit")] public int? UnitId { get; set; }
    [Display(Name = "Media.Field.File")] public string? File { get; set; }
    [Display(Name = "Media.Field.AltText")] public string? AltText { get; set; }
    [Display(Name = "Media.Field.Decorative")] public bool Decorative { get; set; }
    [Display(Name = "Media.Field.Captions")] public string? Captions { get; set; }
    public IReadOnlyList<UnitChoice> Units { get; set; } = [];
}

public sealed record MediaLibraryPage(IReadOnlyList<UnitChoice> Units, int? UnitFilter, IReadOnlyList<MediaEntry> Entries,
    MediaUploadFields Upload, MediaEntry? Uploaded, bool Reused);

/// <summary>
/// Reads the library scoped by who asks: authors and reviewers see their units' files, administrators every unit's.
/// A unit or file outside that scope is answered as if it did not exist (null → 404).
/// </summary>
public sealed class MediaLibrary(AppDbContext db, ContentActors actors)
{
    private const int PageSize = 500;

    public async Task<MediaLibraryPage?> PageAsync(ClaimsPrincipal user, int? unitFilter, int? uploadedId = null,
        bool reused = false, MediaUploadForm? refused = null, CancellationToken cancellationToken = default)
    {
        var units = await UnitsAsync(user, cancellationToken);
        if (unitFilter is { } only && units.All(u => u.Id != only)) return null;
        var unitIds = unitFilter is { } id ? [id] : units.Select(u => u.Id).ToList();
        var entries = await Entries(unitIds).Take(PageSize).ToListAsync(cancellationToken);
        var uploaded = uploadedId is { } uploadedEntry ? await Entries(units.Select(u => u.Id).ToList(), uploadedEntry).FirstOrDefaultAsync(cancellationToken) : null;
        var fields = new MediaUploadFields
        {
            Units = units, UnitId = refused?.UnitId ?? unitFilter ?? (units.Count == 1 ? units[0].Id : null),
            AltText = refused?.AltText, Decorative = refused?.Decorative ?? false,
        };
        return new MediaLibraryPage(units, unitFilter, entries, fields, uploaded, reused);
    }

    public async Task<MediaEntry?> EntryAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var unitIds = (await UnitsAsync(user, cancellationToken)).Select(u => u.Id).ToList();
        return await Entries(unitIds, id).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task<List<UnitChoice>> UnitsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var actor = await actors.ForAsync(user, cancellationToken);
        if (!actor.IsAuthoring) return [];
        return await db.SpecialistUnits.AsNoTracking()
            .Where(u => actor.IsAdministrator || actor.UnitIds.Contains(u.Id))
            .OrderBy(u => u.Name).Select(u => new UnitChoice(u.Id, u.Name)).ToListAsync(cancellationToken);
    }

    private IQueryable<MediaEntry> Entries(List<int> unitIds, int? id = null) =>
        from m in db.MediaFiles.AsNoTracking()
        where unitIds.Contains(m.UnitId) && (id == null || m.Id == id)
        join u in db.SpecialistUnits on m.UnitId equals u.Id
        join p in db.Users on m.UploadedById equals p.Id into people
        from p in people.DefaultIfEmpty()
        join c in db.MediaFiles on m.CaptionsId equals (int?)c.Id into captions
        from c in captions.DefaultIfEmpty()
        orderby m.UploadedAt descending, m.Id descending
        select new MediaEntry(m.Id, m.FileName, m.ContentType, m.Length, m.AltText, m.CaptionsId, c == null ? null : c.FileName,
            m.UnitId, u.Name, p == null ? "" : p.DisplayName, m.UploadedAt);
}
