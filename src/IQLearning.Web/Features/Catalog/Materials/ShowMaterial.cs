using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Media;
using IQLearning.Web.Features.Content.Model;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Catalog;

public sealed record MaterialPage(string Slug, string Language, string Title, string Summary, string BodyHtml, string Unit,
    MaterialMetadata Metadata, IReadOnlyList<AttachmentLink> Attachments);

public sealed record AttachmentLink(string File, string Title, string Url, string Extension);

/// <summary>A published material with its text and the links to its attached files.</summary>
public sealed class MaterialDetails(AppDbContext db)
{
    public async Task<MaterialPage?> FindAsync(string slug, CancellationToken cancellationToken = default)
    {
        var material = await db.Published(ContentKind.Material).Where(v => v.Item!.Slug == slug)
            .Select(v => new { v.Item!.Language, v.Title, v.Summary, v.BodyHtml, Unit = v.Item.Unit!.Name, v.MetadataJson })
            .SingleOrDefaultAsync(cancellationToken);
        if (material is null) return null;
        var metadata = Metadata.Of<MaterialMetadata>(material.MetadataJson);
        var attachments = metadata.Attachments
            .Select(a => new AttachmentLink(a.File, a.Title, MaterialAttachments.UrlOf(slug, a.File), Path.GetExtension(a.File).TrimStart('.').ToUpperInvariant()))
            .ToList();
        return new MaterialPage(slug, material.Language, material.Title, material.Summary, LinkAttachments(material.BodyHtml, attachments),
            material.Unit, metadata, attachments);
    }

    /// <summary>
    /// The Markdown links an attached file relatively (<c>[Checkliste](checkliste.pdf)</c>); on this page that would
    /// resolve beside the page, so those links are pointed at the download address. Attachment names are plain
    /// (letters, digits, '.', '_', '-'), so the exact attribute text is unambiguous.
    /// </summary>
    private static string LinkAttachments(string html, IEnumerable<AttachmentLink> attachments) =>
        attachments.Aggregate(html, (text, a) => text.Replace($"href=\"{a.File}\"", $"href=\"{a.Url}\"", StringComparison.Ordinal));
}

public sealed record AttachmentDownload(Stream Content, string ContentType, string FileName);

/// <summary>Serves only the files the published version of a material lists, from the media store by their SHA-256.</summary>
public sealed class MaterialAttachments(AppDbContext db, MediaStore media)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static string UrlOf(string slug, string file) => $"/materials/{slug}/files/{Uri.EscapeDataString(file)}";

    public async Task<AttachmentDownload?> OpenAsync(string slug, string file, CancellationToken cancellationToken = default)
    {
        var metadataJson = await db.Published(ContentKind.Material).Where(v => v.Item!.Slug == slug)
            .Select(v => v.MetadataJson).SingleOrDefaultAsync(cancellationToken);
        if (metadataJson is null) return null;
        var attachment = Metadata.Of<MaterialMetadata>(metadataJson).Attachments.FirstOrDefault(a => a.File == file);
        if (attachment?.Sha256 is not { } sha256 || media.Open(sha256) is not { } content) return null;
        var contentType = ContentTypes.TryGetContentType(attachment.File, out var type) ? type : "application/octet-stream";
        return new AttachmentDownload(content, contentType, attachment.File);
    }
}
