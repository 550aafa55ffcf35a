namespace IQLearning.Web.Features.Organizations;

/// <summary>Page links: the first, the last and a few around the current one (200 pages of links help nobody).</summary>
public sealed record PagerModel(string BaseLink, int Page, int PageCount)
{
    public IEnumerable<int> Pages() =>
        new[] { 1, PageCount }.Concat(Enumerable.Range(Math.Max(1, Page - 3), 7).Where(p => p <= PageCount)).Distinct().Order();

    public string Link(int page) => BaseLink + (BaseLink.Contains('?') ? "&" : "?") + "page=" + page;
}
