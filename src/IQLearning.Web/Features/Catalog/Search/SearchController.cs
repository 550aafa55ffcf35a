using Microsoft.AspNetCore.Mvc;

namespace IQLearning.Web.Features.Catalog;

/// <summary>Search over everything the catalog publishes.</summary>
public sealed class SearchController(ContentSearch search) : Controller
{
    [HttpGet("/search")]
    public async Task<IActionResult> Index(string? q, CancellationToken cancellationToken) =>
        View(await search.SearchAsync(q, cancellationToken));
}
