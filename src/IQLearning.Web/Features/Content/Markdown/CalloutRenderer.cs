using Markdig.Extensions.Alerts;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace IQLearning.Web.Features.Content.Markdown;

/// <summary>
/// Renders a GitHub alert block as a labelled <c>&lt;aside&gt;</c> with a visible title in the content's language.
/// An unknown kind falls back to a plain quote; the content reader reports it as an error before import.
/// </summary>
internal sealed class CalloutRenderer(string language) : HtmlObjectRenderer<AlertBlock>
{
    protected override void Write(HtmlRenderer renderer, AlertBlock block)
    {
        var kind = block.Kind.ToString();
        renderer.EnsureLine();
        if (!renderer.EnableHtmlForBlock)
        {
            renderer.WriteChildren(block); // plain text for the search index: the content, no title
            return;
        }
        if (CalloutKinds.Title(kind, language) is not { } title)
        {
            renderer.WriteLine("<blockquote>");
            renderer.WriteChildren(block);
            renderer.WriteLine("</blockquote>");
            return;
        }
        renderer.Write("<aside class=\"callout callout-").Write(kind.ToLowerInvariant())
            .Write("\" aria-label=\"").WriteEscape(title).WriteLine("\">");
        renderer.Write("<p class=\"callout-title\">").WriteEscape(title).WriteLine("</p>");
        renderer.WriteChildren(block);
        renderer.WriteLine("</aside>");
    }
}
