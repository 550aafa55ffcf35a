using System.Net;
using IQLearning.Tests.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace IQLearning.Tests.Security;

/// <summary>Answers a request with an exception whose message and stack would give away internals.</summary>
public sealed class FailingController : Controller
{
    public const string Secret = "connection to db-internal.example:5432 failed";

    [HttpGet("/test/fail")]
    public IActionResult Fail() => throw new InvalidOperationException(Secret);
}

/// <summary>The site as in production, with one endpoint that fails on purpose.</summary>
public sealed class ProductionSite : SiteFactory
{
    public ProductionSite() : base(startSmtp: false, useSmtp: false)
    {
        WithSetting("environment", "Production");
        WithServices(services => services.AddControllers().AddApplicationPart(typeof(FailingController).Assembly));
    }
}

[Collection(SiteCollection.Name)]
public sealed class ErrorDisclosureTests(ProductionSite site) : IClassFixture<ProductionSite>
{
    [Fact]
    public async Task Zap_90022_a_failure_in_production_shows_the_error_page_without_message_or_stack_trace()
    {
        using var client = SiteClient.For(site);

        var response = await client.Http.GetAsync("/test/fail");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1", body); // the site's own error page
        foreach (var leak in new[] { FailingController.Secret, "InvalidOperationException", "FailingController", " at IQLearning", "StackTrace", ".cs:line" })
            Assert.DoesNotContain(leak, body);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
