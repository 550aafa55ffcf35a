using Microsoft.AspNetCore.Mvc;

namespace IQLearning.Web.Features.Catalog;

/// <summary>The public library of quality standards.</summary>
[Route("standards")]
public sealed class StandardsController(StandardLibrary library, StandardDetails details) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await library.ListAsync(cancellationToken));

    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken) =>
        await details.FindAsync(slug, CatalogLanguage.Current, cancellationToken) is { } standard ? View(standard) : NotFound();
}
