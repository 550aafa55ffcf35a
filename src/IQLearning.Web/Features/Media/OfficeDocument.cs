using System.IO.Compression;
using System.Xml;

namespace IQLearning.Web.Features.Media;

/// <summary>
/// Tells DOCX and PPTX apart from every other ZIP by the main part that [Content_Types].xml names. Macro-enabled
/// documents (.docm, .pptm, or any package with a VBA project) are refused: they carry code.
/// </summary>
internal static class OfficeDocument
{
    // A real [Content_Types].xml is a few kilobytes; the limit stops a zip bomb before it inflates.
    private const long MaxContentTypesLength = 256 * 1024;

    private static readonly (string ContentType, string Folder, MediaType Type)[] MainParts =
    [
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "/word/", MediaType.Docx),
        ("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", "/ppt/", MediaType.Pptx),
    ];

    private const string MacroMarker = "macroEnabled";
    private const string VbaProject = "application/vnd.ms-office.vbaProject";

    public static MediaTypeCheck Detect(ReadOnlySpan<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > MaxContentTypesLength) return MediaTypeCheck.Refused(MediaRefusal.NotAllowed);
            if (zip.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
                return MediaTypeCheck.Refused(MediaRefusal.MacroEnabled);

            var parts = ReadParts(types);
            if (parts.Any(p => p.ContentType.Contains(MacroMarker, StringComparison.OrdinalIgnoreCase) || p.ContentType == VbaProject))
                return MediaTypeCheck.Refused(MediaRefusal.MacroEnabled);
            foreach (var (contentType, folder, type) in MainParts)
            {
                var main = parts.FirstOrDefault(p => p.ContentType == contentType && p.PartName.StartsWith(folder, StringComparison.Ordinal));
                if (main.PartName is not null && zip.GetEntry(main.PartName.TrimStart('/')) is not null) return new(type, null);
            }
            return MediaTypeCheck.Refused(MediaRefusal.NotAllowed);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            return MediaTypeCheck.Refused(MediaRefusal.NotAllowed);
        }
    }

    /// <summary>The Override entries (part name → content type) and the Default ones (extension → content type).</summary>
    private static List<(string PartName, string ContentType)> ReadParts(ZipArchiveEntry types)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxContentTypesLength };
        using var reader = XmlReader.Create(types.Open(), settings);
        var parts = new List<(string, string)>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            var contentType = reader.GetAttribute("ContentType") ?? "";
            if (reader.LocalName == "Override") parts.Add((reader.GetAttribute("PartName") ?? "", contentType));
            else if (reader.LocalName == "Default") parts.Add(("*." + reader.GetAttribute("Extension"), contentType));
        }
        return parts;
    }
}
