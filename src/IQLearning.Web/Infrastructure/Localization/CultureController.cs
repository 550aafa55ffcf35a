using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace IQLearning.Web.Infrastructure.Localization;

/// <summary>The language switch in the header: stores the choice in the culture cookie for a year.</summary>
public sealed class CultureController : Controller
{
    [HttpPost("/culture")]
    public IActionResult Set(string culture, string? returnUrl)
    {
        if (!TextCatalog.SupportedCultures.Contains(culture)) return BadRequest();
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
