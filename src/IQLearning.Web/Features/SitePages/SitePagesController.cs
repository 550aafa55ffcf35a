using System.Globalization;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Content.Model;
using IQLearning.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Features.SitePages;

/// <summary>A published Page item of the CMS: title, language and the HTML rendered at save time.</summary>
public sealed record PublishedPage(string Title, string Language, string BodyHtml);

/// <summary>
/// The pages every public site must have: imprint, privacy notice, accessibility statement, plain language.
/// An administrator can replace each with a Page item of the same slug (English: slug + "-en"), written and
/// reviewed in the CMS like any content; until then the shipped texts are shown — views per language
/// (Privacy.cshtml German, Privacy.en.cshtml English).
/// </summary>
public sealed class SitePagesController(IOptions<SiteOptions> site, AppDbContext db) : Controller
{
    [HttpGet("/impressum")] public Task<IActionResult> Imprint() => PageOrViewAsync("impressum", site.Value);
    [HttpGet("/datenschutz")] public Task<IActionResult> Privacy() => PageOrViewAsync("datenschutz", site.Value);
    [HttpGet("/barrierefreiheit")] public Task<IActionResult> Accessibility() => PageOrViewAsync("barrierefreiheit", site.Value);
    [HttpGet("/leichte-sprache")] public Task<IActionResult> PlainLanguage() => PageOrViewAsync("leichte-sprache", null);

    /// <summary>Any other published page of the CMS.</summary>
    [HttpGet("/pages/{slug}")]
    public async Task<IActionResult> Page(string slug) =>
        await FindAsync(slug) is { } page ? View("CmsPage", page) : NotFound();

    private async Task<IActionResult> PageOrViewAsync(string slug, object? model, [System.Runtime.CompilerServices.CallerMemberName] string view = "") =>
        await FindAsync(slug) is { } page ? View("CmsPage", page) : View(view, model);

    private async Task<PublishedPage?> FindAsync(string slug)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var slugs = english ? new[] { slug + "-en", slug } : [slug];
        var pages = await db.ContentItems.AsNoTracking()
            .Where(i => i.Kind == ContentKind.Page && slugs.Contains(i.Slug) && !i.Archived && i.PublishedVersionId != null)
            .Join(db.ContentVersions, i => i.PublishedVersionId, v => v.Id, (i, v) => new { i.Slug, i.Language, v.Title, v.BodyHtml })
            .ToListAsync();
        var best = pages.OrderBy(p => Array.IndexOf(slugs, p.Slug)).FirstOrDefault();
        return best is null ? null : new PublishedPage(best.Title, best.Language, best.BodyHtml);
    }
}
