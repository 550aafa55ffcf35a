using System.IO.Compression;
using System.Text;

namespace IQLearning.Tests.Features.Media;

/// <summary>Real minimal files of each type, built byte by byte, and files that pretend to be one.</summary>
public static class MediaSamples
{
    /// <summary>A complete 1×1 PNG (signature, IHDR, IDAT, IEND).</summary>
    public static byte[] Png => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>Start of a JPEG: SOI, APP0 JFIF segment, then EOI.</summary>
    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .."JFIF\0"u8, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    /// <summary>The smallest GIF: a 1×1 transparent pixel.</summary>
    public static byte[] Gif => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    /// <summary>RIFF container, WEBP form, VP8L chunk header.</summary>
    public static byte[] WebP => [.."RIFF"u8, 0x1A, 0x00, 0x00, 0x00, .."WEBPVP8L"u8, 0x0D, 0x00, 0x00, 0x00, 0x2F, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0x00];

    public static byte[] Pdf => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>An ftyp box (major brand isom, compatible isom/mp41) followed by an empty mdat box.</summary>
    public static byte[] Mp4 => Mp4With("isom");

    public static byte[] Mp4With(string brand) =>
        [0x00, 0x00, 0x00, 0x18, .."ftyp"u8, ..Encoding.ASCII.GetBytes(brand), 0x00, 0x00, 0x02, 0x00, .."isommp41"u8, 0x00, 0x00, 0x00, 0x08, .."mdat"u8];

    /// <summary>EBML header (version 1, DocType webm) followed by the start of a Segment.</summary>
    public static byte[] WebM => Ebml("webm");

    public static byte[] Ebml(string docType)
    {
        byte[] children = [0x42, 0x86, 0x81, 0x01, 0x42, 0xF7, 0x81, 0x01, 0x42, 0x82, (byte)(0x80 | docType.Length), ..Encoding.ASCII.GetBytes(docType), 0x42, 0x87, 0x81, 0x04];
        return [0x1A, 0x45, 0xDF, 0xA3, (byte)(0x80 | children.Length), ..children, 0x18, 0x53, 0x80, 0x67, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
    }

    public static byte[] Vtt => Encoding.UTF8.GetBytes("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nGuten Tag – Überschrift\n");

    public static byte[] Docx => OfficeZip("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/document.xml");
    public static byte[] Pptx => OfficeZip("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", "ppt/presentation.xml");
    public static byte[] Docm => OfficeZip("application/vnd.ms-word.document.macroEnabled.main+xml", "word/document.xml");

    /// <summary>A DOCX by its main part that also carries a VBA project.</summary>
    public static byte[] DocxWithVba => OfficeZip("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "word/document.xml", "word/vbaProject.bin");

    /// <summary>[Content_Types].xml naming a main part, the main part itself and the package relationships.</summary>
    public static byte[] OfficeZip(string mainContentType, string mainPart, params string[] extraEntries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                $"<Override PartName=\"/{mainPart}\" ContentType=\"{mainContentType}\"/></Types>");
            Add(zip, "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                $"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"{mainPart}\"/></Relationships>");
            Add(zip, mainPart, "<?xml version=\"1.0\"?><document/>");
            foreach (var extra in extraEntries) Add(zip, extra, "binary");
        }
        return stream.ToArray();
    }

    public static byte[] PlainZip
    {
        get
        {
            var stream = new MemoryStream();
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true)) Add(zip, "readme.txt", "hello");
            return stream.ToArray();
        }
    }

    public static byte[] Html => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
    public static byte[] SvgWithScript => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
    public static byte[] Exe => [.."MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .."This program cannot be run in DOS mode"u8];

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
