using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Catalog;

/// <summary>What the public may read: the published version of an item that is not archived. Nothing else leaves this feature.</summary>
internal static class PublishedContent
{
    public static IQueryable<ContentVersion> Published(this AppDbContext db) =>
        db.ContentVersions.AsNoTracking().Where(v => !v.Item!.Archived && v.Item.PublishedVersionId == v.Id);

    public static IQueryable<ContentVersion> Published(this AppDbContext db, ContentKind kind) =>
        db.Published().Where(v => v.Item!.Kind == kind);

    /// <summary>
    /// Every term must occur in the version's lower-case search text. Plain <c>Contains</c> so that SQLite and
    /// PostgreSQL translate it alike (instr / strpos); no provider-specific full-text SQL.
    /// </summary>
    public static IQueryable<ContentVersion> ContainingAll(this IQueryable<ContentVersion> versions, IReadOnlyList<string> terms)
    {
        foreach (var term in terms) versions = versions.Where(v => v.SearchText.Contains(term));
        return versions;
    }
}

/// <summary>A search text as the terms that must all match, lower-cased the way <c>SearchText</c> is stored.</summary>
public static class SearchTerms
{
    public const int MaxTerms = 8;

    public static IReadOnlyList<string> Of(string? query) =>
        (query ?? "").ToLowerInvariant()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).Take(MaxTerms).ToList();
}

/// <summary>Reads the metadata JSON of a projected row with the content feature's own reader, so both stay one format.</summary>
internal static class Metadata
{
    public static T Of<T>(string metadataJson) =>
        new ContentVersion { Title = "", Body = "", ContentHash = "", MetadataJson = metadataJson }.Read<T>();
}
