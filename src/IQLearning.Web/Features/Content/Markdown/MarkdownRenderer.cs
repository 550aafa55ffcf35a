using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.Alerts;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using MarkdigMarkdown = Markdig.Markdown;

namespace IQLearning.Web.Features.Content.Markdown;

/// <summary>A callout whose kind is not one of <see cref="CalloutKinds"/>; <see cref="Line"/> is 0-based in the Markdown.</summary>
public sealed record UnknownCallout(string Kind, int Line);

/// <summary>
/// Turns lesson, material and standard Markdown into safe HTML: Markdig with raw HTML disabled, then an allow-list
/// sanitizer. One shared instance: the pipeline and the sanitizer are immutable after construction, and each
/// call gets its own renderer.
/// </summary>
public sealed partial class MarkdownRenderer
{
    public static readonly MarkdownRenderer Shared = new();

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseTaskLists()
        .UseFootnotes()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseAutoIdentifiers(AutoIdentifierOptions.Default)
        .UseAlertBlocks()
        .Build();

    private readonly HtmlSanitizer _sanitizer = MarkdownSanitizer.Create();

    /// <summary>Safe HTML for the Markdown; <paramref name="language"/> (de, en) chooses the callout titles.</summary>
    public string Render(string markdown, string language)
    {
        var html = RenderWith(markdown, language, _ => { });
        return _sanitizer.Sanitize(html);
    }

    /// <summary>The text without markup on one line, for the search index and summaries. Not HTML: encode it when writing a page.</summary>
    public string PlainText(string markdown)
    {
        var text = RenderWith(markdown, "de", renderer =>
        {
            // The switches Markdig's own ToPlainText uses; our block renderers honour them too.
            renderer.EnableHtmlForBlock = false;
            renderer.EnableHtmlForInline = false;
            renderer.EnableHtmlEscape = false;
            renderer.ObjectRenderers.Replace<HtmlTaskListRenderer>(new NoCheckBoxRenderer());
        });
        return Whitespace().Replace(text, " ").Trim();
    }

    private string RenderWith(string markdown, string language, Action<HtmlRenderer> configure)
    {
        var document = MarkdigMarkdown.Parse(markdown, _pipeline);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<AlertBlockRenderer>(new CalloutRenderer(language));
        renderer.ObjectRenderers.Replace<HtmlTableRenderer>(new AccessibleTableRenderer());
        configure(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Callouts of a kind the format does not know (<c>&gt; [!TIPP]</c>), so the reader can report a typo.</summary>
    public IReadOnlyList<UnknownCallout> UnknownCallouts(string markdown) =>
        MarkdigMarkdown.Parse(markdown, _pipeline).Descendants<AlertBlock>()
            .Where(a => !CalloutKinds.IsKnown(a.Kind.ToString()))
            .Select(a => new UnknownCallout(a.Kind.ToString(), a.Line))
            .ToList();

    /// <summary>A summary reads "Anzeige geprüft", not "[x] Anzeige geprüft".</summary>
    private sealed class NoCheckBoxRenderer : HtmlObjectRenderer<TaskList>
    {
        protected override void Write(HtmlRenderer renderer, TaskList obj) { }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
