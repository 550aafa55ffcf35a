using System.Text;
using IQLearning.Web.Features.Media;

namespace IQLearning.Tests.Features.Media;

public sealed class MediaTypeDetectorTests
{
    public static TheoryData<string, byte[], string, string> AllowedFiles => new()
    {
        { "png", MediaSamples.Png, "image/png", ".png" },
        { "jpeg", MediaSamples.Jpeg, "image/jpeg", ".jpg" },
        { "gif", MediaSamples.Gif, "image/gif", ".gif" },
        { "webp", MediaSamples.WebP, "image/webp", ".webp" },
        { "pdf", MediaSamples.Pdf, "application/pdf", ".pdf" },
        { "docx", MediaSamples.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx" },
        { "pptx", MediaSamples.Pptx, "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx" },
        { "mp4", MediaSamples.Mp4, "video/mp4", ".mp4" },
        { "webm", MediaSamples.WebM, "video/webm", ".webm" },
        { "vtt", MediaSamples.Vtt, "text/vtt", ".vtt" },
    };

    [Theory, MemberData(nameof(AllowedFiles))]
    public void Each_allowed_type_is_recognised_by_its_content_alone(string _, byte[] content, string contentType, string extension)
    {
        var check = MediaTypeDetector.Detect(content);

        Assert.True(check.Accepted, $"refused: {check.Refusal}");
        Assert.Equal(contentType, check.Type!.ContentType);
        Assert.Equal(extension, check.Type.Extension);
    }

    [Theory, MemberData(nameof(AllowedFiles))]
    public void The_file_name_does_not_decide_the_type(string _, byte[] content, string contentType, string extension)
    {
        Assert.Equal(contentType, MediaTypeDetector.Check(content, "upload").Type!.ContentType);
        Assert.Equal(contentType, MediaTypeDetector.Check(content, "upload" + extension.ToUpperInvariant()).Type!.ContentType);
    }

    public static TheoryData<string, byte[], string, MediaRefusal> SpoofedFiles => new()
    {
        { "HTML named .pdf", MediaSamples.Html, "bericht.pdf", MediaRefusal.NotAllowed },
        { "HTML named .png", MediaSamples.Html, "bild.png", MediaRefusal.NotAllowed },
        { "SVG with script", MediaSamples.SvgWithScript, "logo.svg", MediaRefusal.NotAllowed },
        { "SVG named .png", MediaSamples.SvgWithScript, "logo.png", MediaRefusal.NotAllowed },
        { "plain ZIP", MediaSamples.PlainZip, "archiv.zip", MediaRefusal.NotAllowed },
        { "plain ZIP named .docx", MediaSamples.PlainZip, "brief.docx", MediaRefusal.NotAllowed },
        { "macro-enabled Word (.docm)", MediaSamples.Docm, "brief.docm", MediaRefusal.MacroEnabled },
        { ".docm renamed .docx", MediaSamples.Docm, "brief.docx", MediaRefusal.MacroEnabled },
        { "DOCX with a VBA project", MediaSamples.DocxWithVba, "brief.docx", MediaRefusal.MacroEnabled },
        { "EXE header", MediaSamples.Exe, "setup.exe", MediaRefusal.NotAllowed },
        { "EXE named .pdf", MediaSamples.Exe, "rechnung.pdf", MediaRefusal.NotAllowed },
        { "empty file", [], "leer.pdf", MediaRefusal.Empty },
        { "PNG named .pdf", MediaSamples.Png, "bericht.pdf", MediaRefusal.ExtensionMismatch },
        { "PDF named .html", MediaSamples.Pdf, "seite.html", MediaRefusal.ExtensionMismatch },
        { "captions named .mp4", MediaSamples.Vtt, "film.mp4", MediaRefusal.ExtensionMismatch },
        { "Matroska (not WebM)", MediaSamples.Ebml("matroska"), "film.mkv", MediaRefusal.NotAllowed },
        { "QuickTime brand", MediaSamples.Mp4With("qt  "), "film.mov", MediaRefusal.NotAllowed },
        { "HEIC image brand", MediaSamples.Mp4With("heic"), "foto.heic", MediaRefusal.NotAllowed },
        { "ZIP whose main part is missing", Truncated(MediaSamples.Docx), "brief.docx", MediaRefusal.NotAllowed },
        { "VTT that is not UTF-8", [.."WEBVTT\n\n"u8, 0xC3, 0x28], "untertitel.vtt", MediaRefusal.NotAllowed },
        { "text starting WEBVTTX", Encoding.UTF8.GetBytes("WEBVTTX\n"), "untertitel.vtt", MediaRefusal.NotAllowed },
    };

    [Theory, MemberData(nameof(SpoofedFiles))]
    public void Spoofed_and_forbidden_files_are_refused(string _, byte[] content, string fileName, MediaRefusal expected)
    {
        var check = MediaTypeDetector.Check(content, fileName);

        Assert.False(check.Accepted);
        Assert.Equal(expected, check.Refusal);
    }

    [Fact]
    public void A_mismatch_names_what_the_content_really_is()
    {
        Assert.Equal(MediaType.Png, MediaTypeDetector.Check(MediaSamples.Png, "bericht.pdf").Type);
    }

    [Fact]
    public void Only_video_headers_get_the_video_size_limit()
    {
        Assert.True(MediaTypeDetector.IsVideo(MediaSamples.Mp4));
        Assert.True(MediaTypeDetector.IsVideo(MediaSamples.WebM));
        Assert.False(MediaTypeDetector.IsVideo(MediaSamples.Pdf));
        Assert.False(MediaTypeDetector.IsVideo(MediaSamples.Png));
        Assert.False(MediaTypeDetector.IsVideo(MediaSamples.Ebml("matroska")));
    }

    /// <summary>Cuts the ZIP so its central directory is gone.</summary>
    private static byte[] Truncated(byte[] zip) => zip[..(zip.Length / 2)];
}
