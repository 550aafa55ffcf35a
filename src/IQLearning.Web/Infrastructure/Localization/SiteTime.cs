using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Infrastructure.Localization;

/// <summary>
/// Times for people: a stored instant (always UTC; SQLite hands it back as Unspecified) shown in the site's time zone
/// (<c>Site:TimeZone</c>, default Europe/Berlin) and formatted in the request's culture (de-DE or en-GB). Machines
/// (exports, <c>datetime</c> attributes) get ISO 8601 UTC instead. Calendar dates such as due dates are not instants
/// and are formatted as they are.
/// </summary>
public sealed class SiteTime(IOptions<SiteOptions> options)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>"g" (date and time, the default) or "d" (the calendar day in the site's zone).</summary>
    public string Text(DateTime utc, string format = "g") => Local(utc).ToString(format, CultureInfo.CurrentCulture);

    public static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    internal static bool IsKnownZone(string? id) => !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}

/// <summary>
/// <c>&lt;time site-at="@stored.At"&gt;&lt;/time&gt;</c> writes <c>datetime</c> in UTC and the text in the site's time zone
/// and the page's culture; <c>site-format="d"</c> shows the day only. Nothing is written for a null time.
/// </summary>
[HtmlTargetElement("time", Attributes = "site-at")]
public sealed class SiteTimeTagHelper(SiteTime time) : TagHelper
{
    public DateTime? SiteAt { get; set; }
    public string SiteFormat { get; set; } = "g";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (SiteAt is not { } at) { output.SuppressOutput(); return; }
        output.Attributes.SetAttribute("datetime", SiteTime.Iso(at));
        output.Content.SetContent(time.Text(at, SiteFormat));
    }
}
