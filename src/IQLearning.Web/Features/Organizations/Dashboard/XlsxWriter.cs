using System.IO.Compression;
using System.Text;
using System.Xml;

namespace IQLearning.Web.Features.Organizations.Dashboard;

/// <summary>
/// A one-sheet XLSX (Office Open XML SpreadsheetML) written by hand: five XML parts in a zip, no package needed.
/// Text goes in as inline strings, numbers as numbers; text that a spreadsheet could take for a formula is neutralised.
/// </summary>
public static class XlsxWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    public static byte[] Write(string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part(zip, "_rels/.rels", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PackageRelationships}"><Relationship Id="rId1" Type="{Relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part(zip, "xl/_rels/workbook.xml.rels", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PackageRelationships}"><Relationship Id="rId1" Type="{Relationships}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using (var workbook = XmlPart(zip, "xl/workbook.xml"))
            {
                workbook.WriteStartElement("workbook", Main);
                workbook.WriteAttributeString("xmlns", "r", null, Relationships);
                workbook.WriteStartElement("sheets", Main);
                workbook.WriteStartElement("sheet", Main);
                workbook.WriteAttributeString("name", SheetName(sheetName));
                workbook.WriteAttributeString("sheetId", "1");
                workbook.WriteAttributeString("id", Relationships, "rId1");
            }
            using var sheet = XmlPart(zip, "xl/worksheets/sheet1.xml");
            sheet.WriteStartElement("worksheet", Main);
            sheet.WriteStartElement("sheetData", Main);
            var columns = Enumerable.Range(0, header.Count).Select(ColumnName).ToArray();
            WriteRow(sheet, columns, 1, header);
            var number = 2;
            foreach (var row in rows) WriteRow(sheet, columns, number++, row);
        }
        return buffer.ToArray();
    }

    /// <param name="columns">The letters of each column, worked out once rather than for each of 50,000 rows.</param>
    private static void WriteRow(XmlWriter xml, string[] columns, int number, IEnumerable<object?> cells)
    {
        var row = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        xml.WriteStartElement("row", Main);
        xml.WriteAttributeString("r", row);
        var column = 0;
        foreach (var cell in cells)
        {
            var letters = column < columns.Length ? columns[column] : ColumnName(column);
            column++;
            if (cell is null) continue;
            xml.WriteStartElement("c", Main);
            xml.WriteStartAttribute("r");
            xml.WriteString(letters);
            xml.WriteString(row);
            xml.WriteEndAttribute();
            if (cell is int or long or double or decimal)
                xml.WriteElementString("v", Main, Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture));
            else
            {
                xml.WriteAttributeString("t", "inlineStr");
                xml.WriteStartElement("is", Main);
                xml.WriteStartElement("t", Main);
                xml.WriteAttributeString("xml", "space", null, "preserve");
                xml.WriteString(XmlSafe(SpreadsheetText.Neutralise(Convert.ToString(cell, System.Globalization.CultureInfo.CurrentCulture))));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    private static string SheetName(string name)
    {
        var cleaned = new string(name.Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray()).Trim();
        return cleaned.Length == 0 ? "Sheet1" : cleaned[..Math.Min(31, cleaned.Length)];
    }

    /// <summary>XML 1.0 cannot carry most control characters; a name pasted from elsewhere may hold one.</summary>
    private static string XmlSafe(string text) =>
        text.All(Allowed) ? text : new string(text.Where(Allowed).ToArray());

    private static bool Allowed(char c) => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c);

    private static void Part(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    private static XmlWriter XmlPart(ZipArchive zip, string name) =>
        XmlWriter.Create(zip.CreateEntry(name, CompressionLevel.Fastest).Open(),
            new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = true });
}
