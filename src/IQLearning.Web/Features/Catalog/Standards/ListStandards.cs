using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Catalog;

public sealed record StandardRow(string Slug, string Language, string Title, StandardMetadata Metadata);

/// <summary>The quality standards library: every published standard with its code, version and start of validity.</summary>
public sealed class StandardLibrary(AppDbContext db)
{
    public async Task<IReadOnlyList<StandardRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Published(ContentKind.Standard)
            .Select(v => new { v.Item!.Slug, v.Item.Language, v.Title, v.MetadataJson })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new StandardRow(r.Slug, r.Language, r.Title, Metadata.Of<StandardMetadata>(r.MetadataJson)))
            .OrderBy(s => s.Metadata.Code, StringComparer.Ordinal).ToList();
    }
}
