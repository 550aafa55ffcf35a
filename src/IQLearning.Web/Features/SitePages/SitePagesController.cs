using IQLearning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Features.SitePages;

/// <summary>
/// The pages every public site must have: imprint, privacy notice, accessibility statement, plain language.
/// Long texts are views per language (Privacy.cshtml German, Privacy.en.cshtml English).
/// </summary>
public sealed class SitePagesController(IOptions<SiteOptions> site) : Controller
{
    [HttpGet("/impressum")] public IActionResult Imprint() => View(site.Value);
    [HttpGet("/datenschutz")] public IActionResult Privacy() => View(site.Value);
    [HttpGet("/barrierefreiheit")] public IActionResult Accessibility() => View(site.Value);
    [HttpGet("/leichte-sprache")] public IActionResult PlainLanguage() => View();
}
