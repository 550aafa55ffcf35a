using Microsoft.AspNetCore.Mvc;

namespace IQLearning.Web.Features.Catalog;

/// <summary>The public course catalog and course pages.</summary>
[Route("courses")]
public sealed class CoursesController(CourseCatalog catalog, CourseDetails details) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] CatalogFilter filter, CancellationToken cancellationToken) =>
        View(await catalog.ListAsync(filter, CatalogLanguage.Current, cancellationToken));

    [HttpGet("{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken) =>
        await details.FindAsync(slug, cancellationToken) is { } course ? View(course) : NotFound();
}
