using Microsoft.AspNetCore.Mvc;

namespace IQLearning.Web.Features.Catalog;

/// <summary>The public materials library and the downloads of the files attached to a material.</summary>
[Route("materials")]
public sealed class MaterialsController(MaterialLibrary library, MaterialDetails details, MaterialAttachments attachments) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] CatalogFilter filter, CancellationToken cancellationToken) =>
        View(await library.ListAsync(filter, CatalogLanguage.Current, cancellationToken));

    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken) =>
        await details.FindAsync(slug, cancellationToken) is { } material ? View(material) : NotFound();

    [HttpGet("{slug}/files/{file}")]
    public async Task<IActionResult> Download(string slug, string file, CancellationToken cancellationToken)
    {
        if (await attachments.OpenAsync(slug, file, cancellationToken) is not { } download) return NotFound();
        // Set here as well as site-wide: a downloaded file is exactly where a browser must not guess the type.
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(download.Content, download.ContentType, download.FileName);
    }
}
