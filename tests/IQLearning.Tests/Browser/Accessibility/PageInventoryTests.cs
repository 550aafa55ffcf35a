using IQLearning.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Browser.Accessibility;

/// <summary>The inventory the crawl works from is complete: every GET route of the app is in it, and nothing else.</summary>
[Collection(SiteCollection.Name)]
public sealed class PageInventoryTests(TestSite site) : IClassFixture<TestSite>
{
    [Fact]
    public void Every_get_route_of_the_app_is_in_the_page_inventory_and_the_inventory_lists_no_other()
    {
        var routes = GetRoutes(site.Services.GetRequiredService<EndpointDataSource>());
        var listed = PageInventory.All.Select(p => p.Template).ToList();

        Assert.NotEmpty(routes);
        var missing = routes.Except(listed).Order().ToList();
        var stale = listed.Except(routes).Order().ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            $"Add to tests/IQLearning.Tests/Browser/Accessibility/PageInventory.cs: {string.Join(", ", missing)}\n" +
            $"Remove from it (the app has no such GET route): {string.Join(", ", stale)}");
    }

    [Fact]
    public void Every_template_is_listed_once_and_every_page_has_a_sample_and_a_viewer()
    {
        Assert.Empty(PageInventory.All.GroupBy(p => p.Template).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.All(PageInventory.All.Where(p => p.Kind != PageKind.NonPage),
            p => Assert.True(p.Sample is not null && p.Viewers != 0, p.Template));
    }

    [Fact]
    public void What_the_crawl_leaves_out_is_not_a_route_and_says_why()
    {
        var routes = GetRoutes(site.Services.GetRequiredService<EndpointDataSource>());
        Assert.All(PageInventory.NotCrawled, p => Assert.True(!routes.Contains(p.Key) && p.Value.Length > 20, p.Key));
    }

    /// <summary>
    /// Route endpoints that answer GET (routes without a method constraint answer every method, GET included).
    /// Static files are not pages: MapStaticAssets adds one endpoint per file and, in development builds, a
    /// catch-all <c>{**path:file}</c> for files from referenced projects. Hangfire's dashboard is middleware, not an endpoint.
    /// </summary>
    internal static IReadOnlyList<string> GetRoutes(EndpointDataSource source) =>
        source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Where(e => !IsStaticAsset(e))
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct()
            .ToList();

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor") ||
        endpoint.RoutePattern.Parameters.Any(p => p.IsCatchAll && p.ParameterPolicies.Any(policy => policy.Content == "file"));
}
