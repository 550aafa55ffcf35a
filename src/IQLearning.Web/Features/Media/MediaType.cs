namespace IQLearning.Web.Features.Media;

/// <summary>What a media file is for: it decides the accessibility rules (alt text, captions) and how it is served.</summary>
public enum MediaKind { Image, Video, Captions, Document }

/// <summary>One type the media library accepts: its canonical content type and the file name endings that may carry it.</summary>
public sealed record MediaType(string Name, MediaKind Kind, string ContentType, string Extension, params string[] OtherExtensions)
{
    public static readonly MediaType Pdf = new("PDF", MediaKind.Document, "application/pdf", ".pdf");
    public static readonly MediaType Docx = new("DOCX", MediaKind.Document,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly MediaType Pptx = new("PPTX", MediaKind.Document,
        "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
    public static readonly MediaType Png = new("PNG", MediaKind.Image, "image/png", ".png");
    public static readonly MediaType Jpeg = new("JPEG", MediaKind.Image, "image/jpeg", ".jpg", ".jpeg");
    public static readonly MediaType Gif = new("GIF", MediaKind.Image, "image/gif", ".gif");
    public static readonly MediaType WebP = new("WebP", MediaKind.Image, "image/webp", ".webp");
    public static readonly MediaType Mp4 = new("MP4", MediaKind.Video, "video/mp4", ".mp4", ".m4v");
    public static readonly MediaType WebM = new("WebM", MediaKind.Video, "video/webm", ".webm");
    public static readonly MediaType WebVtt = new("WebVTT", MediaKind.Captions, "text/vtt", ".vtt");

    public static readonly IReadOnlyList<MediaType> All = [Pdf, Docx, Pptx, Png, Jpeg, Gif, WebP, Mp4, WebM, WebVtt];

    /// <summary>The stored content type names the type again, e.g. when a file is served.</summary>
    public static MediaType? ByContentType(string contentType) => All.FirstOrDefault(t => t.ContentType == contentType);

    /// <summary>Whether a file name ending (".JPG", ".jpeg") may carry this type.</summary>
    public bool Allows(string extension) =>
        extension.Equals(Extension, StringComparison.OrdinalIgnoreCase) ||
        OtherExtensions.Any(e => e.Equals(extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>The endings the upload form lists in its accept attribute, as a hint to the browser only.</summary>
    public static string AcceptList(Func<MediaType, bool> which) =>
        string.Join(",", All.Where(which).SelectMany(t => new[] { t.Extension }.Concat(t.OtherExtensions)));
}

public static class FileSize
{
    /// <summary>"50 MB", "1,5 KB" in German: sizes as people read them, in the request's culture.</summary>
    public static string Format(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes} B";
}
