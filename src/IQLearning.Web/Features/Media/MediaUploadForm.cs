using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace IQLearning.Web.Features.Media;

/// <summary>A file as it arrived: its bytes, or — when it was larger than <see cref="Limit"/> — none of them.</summary>
public sealed record UploadedFile(string FileName, byte[] Content, long Limit, bool TooLarge = false);

/// <summary>The fields of the upload form; the names are the form's field names.</summary>
public sealed class MediaUploadForm
{
    public int? UnitId { get; set; }
    public string? AltText { get; set; }
    public bool Decorative { get; set; }
    public UploadedFile? File { get; set; }
    public UploadedFile? Captions { get; set; }
}

/// <summary>
/// Reads the multipart upload straight from the request body instead of through MVC's form binding, which would
/// spool every file to disk whatever its size. Each file is held only up to its own limit (a video's when its
/// first bytes are a video, otherwise the general one); the rest of an oversized file is read and dropped so the
/// author still gets the form back with the error. The antiforgery token must come before the files, so a forged
/// request is refused before any file byte is read.
/// </summary>
public sealed class MediaUploadReader(IOptions<MediaOptions> options, IAntiforgery antiforgery)
{
    private const int MaxSections = 12;
    private const int MaxTextBytes = 8 * 1024;

    public async Task<(MediaUploadForm? Form, int Status)> ReadAsync(HttpContext context)
    {
        var limits = options.Value;
        var request = context.Request;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limits.MaxRequestBytes;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return (null, StatusCodes.Status415UnsupportedMediaType);
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) return (null, StatusCodes.Status400BadRequest);

        var fields = new Dictionary<string, StringValues>();
        var form = new MediaUploadForm();
        var verified = false;
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            for (var count = 0; await reader.ReadNextSectionAsync(context.RequestAborted) is { } section; count++)
            {
                if (count == MaxSections || !ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                    return (null, StatusCodes.Status400BadRequest);
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (!disposition.IsFileDisposition())
                {
                    // A field may come more than once (a checkbox with a hidden "false"), so values add up.
                    fields[name] = StringValues.Concat(fields.GetValueOrDefault(name), await ReadTextAsync(section.Body, context.RequestAborted));
                    continue;
                }
                if (!verified && !(verified = await IsTokenValidAsync(context, fields))) return (null, StatusCodes.Status400BadRequest);
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                var isFile = name == nameof(MediaUploadForm.File) && form.File is null;
                var isCaptions = name == nameof(MediaUploadForm.Captions) && form.Captions is null;
                if (fileName.Length == 0 || !(isFile || isCaptions))
                {
                    await section.Body.CopyToAsync(Stream.Null, context.RequestAborted); // an empty file input, or a part nobody asked for
                    continue;
                }
                var file = await ReadFileAsync(section.Body, fileName, canBeVideo: isFile, context.RequestAborted);
                if (isFile) form.File = file; else form.Captions = file;
            }
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException)
        {
            return (null, e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }
        finally
        {
            // Whatever runs after this request (the status page re-execution, too) sees these fields and never reads the body again.
            request.Form = new FormCollection(fields);
        }
        if (!verified && !await IsTokenValidAsync(context, fields)) return (null, StatusCodes.Status400BadRequest);

        form.UnitId = int.TryParse(fields.GetValueOrDefault(nameof(MediaUploadForm.UnitId)).FirstOrDefault(), out var unitId) ? unitId : null;
        form.AltText = fields.GetValueOrDefault(nameof(MediaUploadForm.AltText)).FirstOrDefault()?.Trim();
        form.Decorative = fields.GetValueOrDefault(nameof(MediaUploadForm.Decorative)).Any(v => v == "true");
        return (form, StatusCodes.Status200OK);
    }

    private async Task<bool> IsTokenValidAsync(HttpContext context, Dictionary<string, StringValues> fields)
    {
        context.Request.Form = new FormCollection(new Dictionary<string, StringValues>(fields));
        return await antiforgery.IsRequestValidAsync(context);
    }

    private async Task<UploadedFile> ReadFileAsync(Stream body, string fileName, bool canBeVideo, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var chunks = new List<byte[]>();
        long length = 0, limit = canBeVideo ? Math.Max(limits.MaxVideoBytes, limits.MaxUploadBytes) : limits.MaxUploadBytes;
        var decided = !canBeVideo;
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            chunks.Add(buffer[..read]);
            length += read;
            if (!decided && length >= MediaTypeDetector.VideoHeaderLength)
                (decided, limit) = (true, LimitFor(Concat(chunks, length)));
            if (length > limit)
            {
                await body.CopyToAsync(Stream.Null, cancellationToken);
                return new UploadedFile(fileName, [], limit, TooLarge: true);
            }
        }
        var content = Concat(chunks, length);
        if (!decided && content.Length > LimitFor(content)) return new UploadedFile(fileName, [], LimitFor(content), TooLarge: true);
        return new UploadedFile(fileName, content, decided ? limit : LimitFor(content));
    }

    private long LimitFor(byte[] head) => MediaTypeDetector.IsVideo(head) ? options.Value.MaxVideoBytes : options.Value.MaxUploadBytes;

    private static byte[] Concat(List<byte[]> chunks, long length)
    {
        var all = new byte[length];
        var offset = 0;
        foreach (var chunk in chunks) { chunk.CopyTo(all, offset); offset += chunk.Length; }
        return all;
    }

    private static async Task<string> ReadTextAsync(Stream body, CancellationToken cancellationToken)
    {
        var bytes = new MemoryStream();
        var buffer = new byte[1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            if (bytes.Length < MaxTextBytes) bytes.Write(buffer, 0, read); // beyond that the text is cut off and refused as too long
        return Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length);
    }
}
