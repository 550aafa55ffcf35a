using Microsoft.AspNetCore.Mvc;

namespace IQLearning.Web.Features.Home;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();

    /// <summary>Renders the page for an error status (404, 403, 429 …) re-executed by the status-code middleware; any method, since a failed POST is re-executed as a POST.</summary>
    // A rejected POST (429, 413 …) is re-executed here as a POST: checking its antiforgery token again would turn every such status into 400.
    [Route("/error/{status:int}"), IgnoreAntiforgeryToken]
    public IActionResult Error()
    {
        // No action parameters: binding one would read the re-executed request's form, which for an oversized or
        // malformed body throws and turns its 413/400 into a 500.
        var status = int.TryParse(RouteData.Values["status"]?.ToString(), out var code) ? code : 500;
        Response.StatusCode = status is >= 400 and < 600 ? status : 500;
        return View(Response.StatusCode);
    }

    [Route("/error"), IgnoreAntiforgeryToken]
    public IActionResult Exception()
    {
        Response.StatusCode = 500;
        return View("Error", 500);
    }
}
