using System.Buffers.Binary;
using System.Text;

namespace IQLearning.Web.Features.Media;

public enum MediaRefusal { Empty, NotAllowed, MacroEnabled, ExtensionMismatch }

/// <summary>The verdict on a file: its type, or why it is refused (with a mismatch, <see cref="Type"/> is what the content is).</summary>
public sealed record MediaTypeCheck(MediaType? Type, MediaRefusal? Refusal)
{
    public bool Accepted => Refusal is null;
    public static MediaTypeCheck Refused(MediaRefusal refusal, MediaType? found = null) => new(found, refusal);
}

/// <summary>
/// Decides what a file is from its bytes alone (ASVS 5.2.2): the browser's content type and the file name are
/// claims by the uploader. Only the types of <see cref="MediaType.All"/> pass; SVG and HTML never do, because
/// they can carry script.
/// </summary>
public static class MediaTypeDetector
{
    /// <summary>How many leading bytes <see cref="IsVideo"/> needs to see.</summary>
    public const int VideoHeaderLength = 4096;

    // ISO base media brands of plain MP4 video; QuickTime, HEIF/AVIF images and 3GP are not among them.
    private static readonly HashSet<string> Mp4Brands =
        ["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash", "mmp4"];

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> EbmlSignature => [0x1A, 0x45, 0xDF, 0xA3];
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The type by content, and a refusal when the file name's ending claims another type.</summary>
    public static MediaTypeCheck Check(ReadOnlySpan<byte> content, string fileName)
    {
        var check = Detect(content);
        if (!check.Accepted) return check;
        var extension = Path.GetExtension(fileName);
        return extension.Length == 0 || check.Type!.Allows(extension) ? check : MediaTypeCheck.Refused(MediaRefusal.ExtensionMismatch, check.Type);
    }

    public static MediaTypeCheck Detect(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty) return MediaTypeCheck.Refused(MediaRefusal.Empty);
        if (content.StartsWith("%PDF-"u8)) return new(MediaType.Pdf, null);
        if (content.StartsWith(PngSignature) && content.Length >= 16 && content[12..16].SequenceEqual("IHDR"u8))
            return new(MediaType.Png, null);
        if (content.StartsWith(JpegSignature)) return new(MediaType.Jpeg, null);
        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8)) return new(MediaType.Gif, null);
        if (IsWebP(content)) return new(MediaType.WebP, null);
        if (IsMp4(content)) return new(MediaType.Mp4, null);
        if (IsWebM(content)) return new(MediaType.WebM, null);
        if (IsWebVtt(content)) return new(MediaType.WebVtt, null);
        if (content.StartsWith("PK\x03\x04"u8)) return OfficeDocument.Detect(content);
        return MediaTypeCheck.Refused(MediaRefusal.NotAllowed);
    }

    /// <summary>Whether the first bytes of an upload are a video, which may be larger than other files.</summary>
    public static bool IsVideo(ReadOnlySpan<byte> head) => IsMp4(head) || IsWebM(head);

    private static bool IsWebP(ReadOnlySpan<byte> c) =>
        c.Length >= 16 && c.StartsWith("RIFF"u8) && c[8..12].SequenceEqual("WEBP"u8) &&
        (c[12..16].SequenceEqual("VP8 "u8) || c[12..16].SequenceEqual("VP8L"u8) || c[12..16].SequenceEqual("VP8X"u8));

    /// <summary>An ISO base media file opens with an ftyp box: size, "ftyp", major brand, version, compatible brands.</summary>
    private static bool IsMp4(ReadOnlySpan<byte> c)
    {
        if (c.Length < 16 || !c[4..8].SequenceEqual("ftyp"u8)) return false;
        var size = BinaryPrimitives.ReadUInt32BigEndian(c);
        return size >= 16 && size <= 4096 && size % 4 == 0 && Mp4Brands.Contains(Encoding.ASCII.GetString(c[8..12]));
    }

    /// <summary>WebM is Matroska with DocType "webm" in its EBML header; plain Matroska (.mkv) is not accepted.</summary>
    private static bool IsWebM(ReadOnlySpan<byte> c)
    {
        if (!c.StartsWith(EbmlSignature)) return false;
        var position = 4;
        if (!TryReadVint(c, ref position, keepMarker: false, out var headerSize)) return false;
        var end = (int)Math.Min(c.Length, position + headerSize);
        while (position < end)
        {
            if (!TryReadVint(c, ref position, keepMarker: true, out var id) || !TryReadVint(c, ref position, keepMarker: false, out var size)) return false;
            if (size > end - position) return false;
            if (id == 0x4282) return c.Slice(position, (int)size).TrimEnd((byte)0).SequenceEqual("webm"u8);
            position += (int)size;
        }
        return false;
    }

    /// <summary>EBML variable-length integer: the count of leading zero bits says how many bytes follow.</summary>
    private static bool TryReadVint(ReadOnlySpan<byte> c, ref int position, bool keepMarker, out long value)
    {
        value = 0;
        if (position >= c.Length || c[position] == 0) return false;
        var length = System.Numerics.BitOperations.LeadingZeroCount((uint)c[position]) - 23;
        if (length > 8 || position + length > c.Length) return false;
        value = keepMarker ? c[position] : c[position] & (0xFF >> length);
        for (var i = 1; i < length; i++) value = (value << 8) | c[position + i];
        position += length;
        return true;
    }

    /// <summary>WebVTT: valid UTF-8 (a BOM allowed), first line "WEBVTT" alone or followed by a space or tab.</summary>
    private static bool IsWebVtt(ReadOnlySpan<byte> c)
    {
        if (c.StartsWith(Utf8Bom)) c = c[3..];
        if (!c.StartsWith("WEBVTT"u8)) return false;
        if (c.Length > 6 && c[6] is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')) return false;
        if (c.Contains((byte)0)) return false;
        return System.Text.Unicode.Utf8.IsValid(c);
    }
}
