using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Media;

/// <summary>The media library of the author's units: list, upload, one entry with its embed snippet.</summary>
[Authorize(Policy = MediaServiceCollectionExtensions.AuthorsPolicy), Route("author/media")]
public sealed class MediaLibraryController(MediaLibrary library, UploadMedia upload, MediaUploadReader reader,
    IStringLocalizer<MediaLibraryController> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? unit, int? uploaded, bool reused = false) =>
        await library.PageAsync(User, unit, uploaded, reused) is { } page ? View(page) : NotFound();

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id) =>
        await library.EntryAsync(User, id) is { } entry ? View(entry) : NotFound();

    /// <summary>No parameters on purpose: MVC's form binding would read (and spool) the body before the limits apply.</summary>
    [HttpPost("upload"), IgnoreAntiforgeryToken] // MediaUploadReader checks the token before it reads any file
    public async Task<IActionResult> Upload()
    {
        var (form, status) = await reader.ReadAsync(HttpContext);
        if (form is null) return StatusCode(status);
        var result = await upload.HandleAsync(form, User, HttpContext.RequestAborted);
        if (result.Succeeded) return Redirect($"/author/media?uploaded={result.Media!.Id}" + (result.Reused ? "&reused=true" : ""));

        foreach (var error in result.Errors) ModelState.AddModelError(error.Field, t[error.TextKey, error.Arguments]);
        return View(nameof(Index), await library.PageAsync(User, null, refused: form));
    }
}
