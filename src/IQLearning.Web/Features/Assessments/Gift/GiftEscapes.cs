using System.Text;

namespace IQLearning.Web.Features.Assessments.Gift;

/// <summary>
/// GIFT's backslash escapes. While a block is parsed, each escaped control character stands as a
/// private-use character, so that splitting on <c>~ = # { } :</c> never sees it; the real character
/// comes back only in the finished texts (Moodle does the same with <c>&amp;&amp;058;</c>-style placeholders).
/// </summary>
internal static class GiftEscapes
{
    private const string Escapable = ":#={}~n";
    private const char FirstPlaceholder = '\uE000';

    public static string Hide(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (text[i] != '\\' || next == '\0') { result.Append(text[i]); continue; }
            var escaped = Escapable.IndexOf(next);
            if (next == '\\') { result.Append('\\'); i++; }
            else if (escaped >= 0) { result.Append((char)(FirstPlaceholder + escaped)); i++; }
            else result.Append('\\');
        }
        return result.ToString();
    }

    public static string Reveal(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var escaped = c - FirstPlaceholder;
            if (escaped < 0 || escaped >= Escapable.Length) result.Append(c);
            else result.Append(Escapable[escaped] == 'n' ? '\n' : Escapable[escaped]);
        }
        return result.ToString();
    }

    /// <summary>Writes a text so that <see cref="Hide"/> and <see cref="Reveal"/> give it back unchanged.</summary>
    public static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c == '\r') continue;
            if (c == '\n') result.Append(@"\n");
            else if (c == '\\' || (Escapable.Contains(c) && c != 'n')) result.Append('\\').Append(c);
            else result.Append(c);
        }
        return result.ToString();
    }
}
