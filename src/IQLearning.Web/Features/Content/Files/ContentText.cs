using System.Buffers;
using System.Text;

namespace IQLearning.Web.Features.Content.Files;

/// <summary>Reads content files as strict UTF-8 with LF line endings; a bad byte is reported with its line.</summary>
internal static class ContentText
{
    public static byte[]? ReadBytes(string path, string file, ContentErrors errors)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(file, 0, "", $"The file cannot be read: {e.Message}");
            return null;
        }
    }

    public static string? Read(string path, string file, ContentErrors errors)
    {
        var bytes = ReadBytes(path, file, errors);
        if (bytes is null) return null;
        if (FirstInvalidByte(bytes) is { } offset)
        {
            errors.Add(file, LineAt(bytes, offset), "", "The file is not valid UTF-8.");
            return null;
        }
        var text = Encoding.UTF8.GetString(bytes);
        // A BOM and CR LF are editor noise, not content: dropping them keeps the normalised form stable.
        if (text.StartsWith('\uFEFF')) text = text[1..];
        return text.Replace("\r\n", "\n").Replace('\r', '\n');
    }

    private static int? FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != OperationStatus.Done) return offset;
            offset += consumed;
        }
        return null;
    }

    private static int LineAt(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;
}
