using AngleSharp.Dom;
using IQLearning.Web.Features.Content.Markdown;

namespace IQLearning.Tests.Features.Content.Markdown;

public sealed class MarkdownRendererTests
{
    private static IElement Body(string markdown, string language = "de") =>
        HtmlSafety.Parse(MarkdownRenderer.Shared.Render(markdown, language)).Body!;

    [Fact]
    public void Headings_get_ascii_ids_that_stay_unique()
    {
        var headings = Body("## Überblick\n\n## Überblick").QuerySelectorAll("h2");

        Assert.Equal(["uberblick", "uberblick-1"], headings.Select(h => h.Id));
    }

    [Fact]
    public void Table_is_wrapped_with_column_headers_and_alignment_as_class()
    {
        var body = Body("| Frist | Tage |\n|---|--:|\n| Widerspruch | 30 |");

        var table = Assert.Single(body.QuerySelectorAll("div.table-wrapper > table"));
        Assert.All(table.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.Equal("align-right", table.QuerySelector("tbody td:last-child")!.ClassName);
        Assert.Equal("Widerspruch", table.QuerySelector("tbody td")!.TextContent);
    }

    [Fact]
    public void Task_list_items_are_read_only_check_boxes()
    {
        var boxes = Body("- [x] Anzeige geprüft\n- [ ] Bilder geprüft").QuerySelectorAll("li.task-list-item input");

        Assert.Equal(2, boxes.Length);
        Assert.All(boxes, b => Assert.True(b.GetAttribute("type") == "checkbox" && b.HasAttribute("disabled")));
        Assert.Equal([true, false], boxes.Select(b => b.HasAttribute("checked")));
    }

    [Theory]
    [InlineData("REFLECTION", "de", "Reflexionsfrage")]
    [InlineData("TIP", "de", "Praxistipp")]
    [InlineData("NOTE", "de", "Hinweis")]
    [InlineData("LAW", "de", "Rechtsgrundlage")]
    [InlineData("EXAMPLE", "de", "Beispiel")]
    [InlineData("REFLECTION", "en", "Reflection question")]
    [InlineData("TIP", "en", "Practice tip")]
    [InlineData("NOTE", "en", "Note")]
    [InlineData("LAW", "en", "Legal basis")]
    [InlineData("EXAMPLE", "en", "Example")]
    public void Callout_is_a_labelled_aside_with_a_visible_title_in_the_content_language(string kind, string language, string title)
    {
        var aside = Assert.Single(Body($"> [!{kind}]\n> Inhalt *betont*", language).QuerySelectorAll("aside"));

        Assert.Equal(["callout", $"callout-{kind.ToLowerInvariant()}"], aside.ClassList);
        Assert.Equal(title, aside.GetAttribute("aria-label"));
        Assert.Equal(title, aside.QuerySelector(".callout-title")!.TextContent);
        Assert.Equal("betont", aside.QuerySelector("em")!.TextContent);
    }

    [Fact]
    public void Unknown_callout_kind_stays_a_plain_quote()
    {
        var body = Body("> [!WARNING]\n> Achtung");

        Assert.Empty(body.QuerySelectorAll("aside"));
        Assert.Contains("Achtung", body.QuerySelector("blockquote")!.TextContent);
    }

    [Fact]
    public void Footnote_reference_and_note_link_to_each_other()
    {
        var body = Body("Das AGG[^agg] gilt.\n\n[^agg]: Allgemeines Gleichbehandlungsgesetz.");

        var reference = body.QuerySelector("a.footnote-ref")!;
        var note = body.QuerySelector("div.footnotes li")!;
        Assert.Equal($"#{note.Id}", reference.GetAttribute("href"));
        Assert.Equal($"#{reference.Id}", note.QuerySelector("a.footnote-back-ref")!.GetAttribute("href"));
    }

    [Fact]
    public void Links_keep_working_and_only_external_ones_get_rel()
    {
        var links = Body("[Checkliste](checkliste.pdf) [Abschnitt](#frist) [Mail](mailto:info@example.org) [AGG](https://www.gesetze-im-internet.de/agg/) www.example.org")
            .QuerySelectorAll("a").ToDictionary(a => a.TextContent);

        Assert.Equal("checkliste.pdf", links["Checkliste"].GetAttribute("href"));
        Assert.Equal("#frist", links["Abschnitt"].GetAttribute("href"));
        Assert.Equal("mailto:info@example.org", links["Mail"].GetAttribute("href"));
        Assert.Null(links["Checkliste"].GetAttribute("rel"));
        Assert.Equal("https://www.gesetze-im-internet.de/agg/", links["AGG"].GetAttribute("href"));
        Assert.Equal("noopener noreferrer", links["AGG"].GetAttribute("rel"));
        Assert.Equal("noopener noreferrer", links["www.example.org"].GetAttribute("rel"));
    }

    [Fact]
    public void Images_emphasis_extras_and_code_languages_survive()
    {
        var body = Body("![Grafik](grafik.png) ~~alt~~ ==markiert==\n\n```csharp\nvar x = 1;\n```");

        Assert.Equal("Grafik", body.QuerySelector("img[src='grafik.png']")!.GetAttribute("alt"));
        Assert.NotNull(body.QuerySelector("del"));
        Assert.NotNull(body.QuerySelector("mark"));
        Assert.Equal("language-csharp", body.QuerySelector("pre > code")!.ClassName);
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_rendered()
    {
        var body = Body("Ein <b>fetter</b> Versuch");

        Assert.Null(body.QuerySelector("b"));
        Assert.Contains("<b>fetter</b>", body.TextContent);
    }

    [Fact]
    public void Plain_text_drops_markup_and_joins_lines()
    {
        var text = MarkdownRenderer.Shared.PlainText(
            "# Titel\n\nEin **fetter** [Link](https://example.org).\n\n> [!NOTE]\n> Hinweistext\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] erledigt");

        Assert.Equal("Titel Ein fetter Link. Hinweistext a b 1 2 erledigt", text);
    }

    [Fact]
    public void Shared_renderer_gives_the_same_html_from_many_threads()
    {
        const string markdown = "# Kopf\n\n> [!LAW]\n> § 1 AGG\n\n| a | b |\n|---|---|\n| 1 | 2 |";
        var expected = MarkdownRenderer.Shared.Render(markdown, "de");

        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = MarkdownRenderer.Shared.Render(markdown, i % 2 == 0 ? "de" : "en"));

        Assert.All(results.Where((_, i) => i % 2 == 0), r => Assert.Equal(expected, r));
        Assert.All(results.Where((_, i) => i % 2 == 1), r => Assert.Contains("Legal basis", r));
    }

    [Fact]
    public void Unknown_callouts_are_found_with_their_line()
    {
        var unknown = MarkdownRenderer.Shared.UnknownCallouts("Text\n\n> [!TIPP]\n> x\n\n> [!TIP]\n> y");

        Assert.Equal([new UnknownCallout("TIPP", 2)], unknown);
    }
}
