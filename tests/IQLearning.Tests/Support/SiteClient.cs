using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IQLearning.Tests.Support;

/// <summary>A browser-like HTTP client: keeps cookies, reads pages and submits their forms with the antiforgery token.</summary>
public sealed class SiteClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;
    public HttpResponseMessage? LastResponse { get; private set; }

    public static SiteClient For(SiteFactory factory, string language = "de")
    {
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return new SiteClient(http);
    }

    public async Task<(HttpStatusCode Status, IHtmlDocument Page)> GetAsync(string url)
    {
        LastResponse = await Http.GetAsync(url);
        return (LastResponse.StatusCode, Parser.ParseDocument(await LastResponse.Content.ReadAsStringAsync()));
    }

    /// <summary>Loads the page, fills the form that posts to <paramref name="action"/> and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string action, IDictionary<string, string> fields)
    {
        var (_, page) = await GetAsync(pageUrl);
        var form = page.Forms.FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"No form posting to {action} on {pageUrl}.");
        return await PostAsync(action, fields, form);
    }

    public async Task<HttpResponseMessage> PostAsync(string action, IDictionary<string, string> fields, IHtmlFormElement? form = null)
    {
        var values = new List<KeyValuePair<string, string>>();
        if (form is not null)
            foreach (var input in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
                if (!fields.ContainsKey(input.Name ?? "")) values.Add(new(input.Name!, input.Value));
        values.AddRange(fields);
        LastResponse = await Http.PostAsync(action, new FormUrlEncodedContent(values));
        return LastResponse;
    }

    /// <summary>Posts to an action using the antiforgery token of any form on <paramref name="pageUrl"/>.</summary>
    public async Task<HttpResponseMessage> PostFromPageAsync(string pageUrl, string action, IDictionary<string, string>? fields = null)
    {
        var (_, page) = await GetAsync(pageUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement
            ?? throw new InvalidOperationException($"No antiforgery token on {pageUrl}.");
        var all = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = token.Value };
        return await PostAsync(action, all);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    public void Dispose() => Http.Dispose();
}
