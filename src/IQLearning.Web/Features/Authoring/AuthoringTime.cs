using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace IQLearning.Web.Features.Authoring;

/// <summary>Writes a stored UTC time as a <c>time</c> element: machine-readable UTC, human-readable in the server's time zone.</summary>
public static class AuthoringTime
{
    public static IHtmlContent Time(DateTime? utc)
    {
        if (utc is not { } value) return HtmlString.Empty;
        // SQLite hands back DateTimeKind.Unspecified; the workflow always writes UTC.
        var at = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        var tag = new TagBuilder("time");
        tag.Attributes["datetime"] = at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        tag.InnerHtml.Append(at.ToLocalTime().ToString("g", CultureInfo.CurrentCulture));
        return tag;
    }
}
