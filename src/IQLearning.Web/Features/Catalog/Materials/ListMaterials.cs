using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Catalog;

public sealed record MaterialCard(int ItemId, int? TranslationOfId, string Slug, string Language, string Title, string Summary,
    string Unit, MaterialMetadata Metadata) : ITranslatable;

public sealed record MaterialLibraryPage(CatalogFilter Filter, IReadOnlyList<MaterialCard> Materials, IReadOnlyList<string> Topics);

/// <summary>The materials library: published materials filtered by text, audience, topic and language (duration does not apply).</summary>
public sealed class MaterialLibrary(AppDbContext db)
{
    public async Task<MaterialLibraryPage> ListAsync(CatalogFilter filter, string readerLanguage, CancellationToken cancellationToken = default)
    {
        filter = filter.Normalised();
        filter.Duration = null;
        var query = db.Published(ContentKind.Material).ContainingAll(filter.Terms);
        if (filter.Language.Count > 0) query = query.Where(v => filter.Language.Contains(v.Item!.Language));
        var rows = await query
            .Select(v => new { v.Item!.Id, v.Item.TranslationOfId, v.Item.Slug, v.Item.Language, v.Title, v.Summary, Unit = v.Item.Unit!.Name, v.MetadataJson })
            .ToListAsync(cancellationToken);

        var materials = rows
            .Select(r => new MaterialCard(r.Id, r.TranslationOfId, r.Slug, r.Language, r.Title, r.Summary, r.Unit, Metadata.Of<MaterialMetadata>(r.MetadataJson)))
            .Where(m => filter.Matches(m.Metadata.Audiences, m.Metadata.Topics));
        if (filter.Language.Count == 0) materials = materials.OnePerPair(readerLanguage);

        return new MaterialLibraryPage(filter, materials.OrderBy(m => m.Title, StringComparer.CurrentCulture).ToList(), await TopicsAsync(cancellationToken));
    }

    /// <summary>The topic choices: every topic of a published material, whatever the other filters.</summary>
    private async Task<IReadOnlyList<string>> TopicsAsync(CancellationToken cancellationToken)
    {
        var metadata = await db.Published(ContentKind.Material).Select(v => v.MetadataJson).ToListAsync(cancellationToken);
        return metadata.SelectMany(m => Metadata.Of<MaterialMetadata>(m).Topics).Distinct().ToList();
    }
}
