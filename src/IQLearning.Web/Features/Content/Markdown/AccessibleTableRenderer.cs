using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace IQLearning.Web.Features.Content.Markdown;

/// <summary>
/// Renders pipe tables inside a scroll wrapper (wide tables must not break the page on a phone), with
/// <c>scope="col"</c> on header cells, and alignment as a class, because inline styles are not allowed through.
/// </summary>
internal sealed class AccessibleTableRenderer : HtmlObjectRenderer<Table>
{
    protected override void Write(HtmlRenderer renderer, Table table)
    {
        renderer.EnsureLine();
        if (!renderer.EnableHtmlForBlock)
        {
            WritePlain(renderer, table);
            return;
        }
        renderer.WriteLine("<div class=\"table-wrapper\">");
        renderer.WriteLine("<table>");
        var inHead = false;
        var bodyStarted = false;
        foreach (var row in table.OfType<TableRow>())
        {
            if (row.IsHeader && !inHead && !bodyStarted) { renderer.WriteLine("<thead>"); inHead = true; }
            if (!row.IsHeader && !bodyStarted)
            {
                if (inHead) { renderer.WriteLine("</thead>"); inHead = false; }
                renderer.WriteLine("<tbody>");
                bodyStarted = true;
            }
            WriteRow(renderer, table, row, row.IsHeader && !bodyStarted);
        }
        if (inHead) renderer.WriteLine("</thead>");
        if (bodyStarted) renderer.WriteLine("</tbody>");
        renderer.WriteLine("</table>");
        renderer.WriteLine("</div>");
    }

    private static void WriteRow(HtmlRenderer renderer, Table table, TableRow row, bool header)
    {
        renderer.WriteLine("<tr>");
        foreach (var (cell, index) in row.OfType<TableCell>().Select((c, i) => (c, i)))
        {
            var tag = header ? "th" : "td";
            renderer.Write('<').Write(tag);
            if (header) renderer.Write(" scope=\"col\"");
            if (AlignmentClass(table, cell.ColumnIndex >= 0 ? cell.ColumnIndex : index) is { } align) renderer.Write(" class=\"").Write(align).Write('"');
            renderer.Write('>');
            var implicitParagraph = renderer.ImplicitParagraph;
            renderer.ImplicitParagraph = true; // a cell's single paragraph is written without <p>
            renderer.Write(cell);
            renderer.ImplicitParagraph = implicitParagraph;
            renderer.Write("</").Write(tag).WriteLine(">");
        }
        renderer.WriteLine("</tr>");
    }

    /// <summary>For plain text (search index): the cells' text, a row a line.</summary>
    private static void WritePlain(HtmlRenderer renderer, Table table)
    {
        foreach (var row in table.OfType<TableRow>())
        {
            foreach (var cell in row.OfType<TableCell>())
            {
                renderer.Write(cell);
                renderer.Write(' ');
            }
            renderer.WriteLine();
        }
    }

    private static string? AlignmentClass(Table table, int column) =>
        column >= 0 && column < table.ColumnDefinitions.Count
            ? table.ColumnDefinitions[column].Alignment switch
            {
                TableColumnAlign.Left => "align-left",
                TableColumnAlign.Center => "align-center",
                TableColumnAlign.Right => "align-right",
                _ => null,
            }
            : null;
}
