using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace IQLearning.Web.Features.Media;

/// <summary>
/// Serves library files to everyone: published lessons embed them. A file is served as data, never as a page:
/// no sniffing, a sandboxing policy that allows nothing, and documents as downloads (ASVS 5.3.1, 5.3.2).
/// </summary>
[AllowAnonymous]
public sealed class MediaDeliveryController(AppDbContext db, MediaStore store) : Controller
{
    public const string ContentSecurityPolicy = "default-src 'none'; sandbox";

    [HttpGet("/media/{id:int}/{name}")]
    public async Task<IActionResult> Get(int id, string name)
    {
        var media = await db.MediaFiles.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.FileName, m.ContentType, m.Sha256 }).FirstOrDefaultAsync(HttpContext.RequestAborted);
        // The name is part of the address, so an id alone (counted up from 1) finds nothing.
        if (media is null || !string.Equals(media.FileName, name, StringComparison.Ordinal) || store.Open(media.Sha256) is not { } content)
            return NotFound();

        var inline = MediaType.ByContentType(media.ContentType)?.Kind is MediaKind.Image or MediaKind.Video or MediaKind.Captions;
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(media.FileName);
        var headers = Response.Headers;
        headers.ContentDisposition = disposition.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        // The bytes behind an id never change, so browsers and proxies may keep them for a year.
        headers.CacheControl = "public, max-age=31536000, immutable";
        return File(content, media.ContentType, lastModified: null, new EntityTagHeaderValue($"\"{media.Sha256}\""), enableRangeProcessing: true);
    }
}
