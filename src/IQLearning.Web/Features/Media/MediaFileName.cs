using System.Globalization;
using System.Text;

namespace IQLearning.Web.Features.Media;

/// <summary>
/// Turns the name an uploader's browser sent into the name the library shows and serves: the last path segment
/// only (no "../"), no control or bidi-override characters (a "gpj.exe" spoof), no characters that break URLs
/// or shells, at most <see cref="MaxLength"/> characters, and an ending that matches the detected type.
/// </summary>
public static class MediaFileName
{
    public const int MaxLength = 100;

    private static readonly char[] Forbidden = ['<', '>', ':', '"', '|', '?', '*', '%', '#', '[', ']', '(', ')', '`', '\'', ';', '&', '$', '{', '}', '^', '~', '='];

    public static string Sanitise(string? uploaded, MediaType type)
    {
        var name = CleanCharacters(uploaded);
        var extension = Path.GetExtension(name);
        var stem = type.Allows(extension) ? name[..^extension.Length] : name;
        extension = type.Allows(extension) ? extension.ToLowerInvariant() : type.Extension;
        stem = stem.Trim().Trim('.', ' ', '-');
        if (stem.Length == 0) stem = "media";
        if (stem.Length + extension.Length > MaxLength) stem = Truncate(stem, MaxLength - extension.Length).TrimEnd('.', ' ', '-');
        return stem + extension;
    }

    /// <summary>The uploaded name made safe to show in a message, before its type is known.</summary>
    public static string Clean(string? uploaded) => Truncate(CleanCharacters(uploaded), 2 * MaxLength);

    private static string CleanCharacters(string? uploaded)
    {
        var name = (uploaded ?? "").Normalize(NormalizationForm.FormC);
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned) continue;
            if (rune.IsAscii && Forbidden.Contains((char)rune.Value)) { clean.Append('_'); continue; }
            clean.Append(Rune.IsWhiteSpace(rune) ? " " : rune.ToString());
        }
        return string.Join(' ', clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Cuts at a text-element boundary so no character is split in half.</summary>
    private static string Truncate(string text, int length)
    {
        var info = new StringInfo(text);
        var result = new StringBuilder();
        for (var i = 0; i < info.LengthInTextElements; i++)
        {
            var element = info.SubstringByTextElements(i, 1);
            if (result.Length + element.Length > length) break;
            result.Append(element);
        }
        return result.ToString();
    }
}
