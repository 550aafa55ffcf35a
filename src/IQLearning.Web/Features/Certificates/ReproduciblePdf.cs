using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace IQLearning.Web.Features.Certificates;

/// <summary>
/// Removes the randomness PDFsharp 6.2 puts into every saved file, so that the same certificate gives the same
/// bytes: the six-letter font subset tags (<c>/BaseFont/BGKUIB+Liberation…</c>, from <c>Guid.NewGuid()</c>) and the
/// XMP DocumentID/InstanceID (random UUIDs). PDFsharp offers no switch for either. Each is replaced by a value of
/// the same length derived from a seed, so every byte offset in the cross-reference table stays correct.
/// </summary>
internal static partial class ReproduciblePdf
{
    // Latin-1 maps each byte to one char and back, so the PDF can be searched as text without changing a byte.
    private static readonly Encoding Bytes = Encoding.Latin1;

    public static byte[] Normalize(byte[] pdf, string seed)
    {
        var text = Bytes.GetString(pdf);
        text = ReplaceSubsetTags(text, seed);
        text = XmpId().Replace(text, m => DerivedGuid(seed, m.Groups["kind"].Value).ToString("D"));
        var result = Bytes.GetBytes(text);
        return result.Length == pdf.Length
            ? result
            : throw new InvalidOperationException("Normalizing the PDF changed its length; the cross-reference table would be wrong.");
    }

    /// <summary>The 16 bytes PDF expects in the trailer's /ID, as PDFsharp's raw string.</summary>
    public static string DocumentId(string seed) => Bytes.GetString(DerivedGuid(seed, "trailer").ToByteArray());

    private static string ReplaceSubsetTags(string text, string seed)
    {
        // The same random tag is shared by all dictionaries of one subset, so map tag → tag, in order of appearance.
        var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
        return SubsetTag().Replace(text, m =>
        {
            if (!replacements.TryGetValue(m.Value, out var tag))
            {
                tag = SubsetTagFor(seed, replacements.Count, replacements.Values);
                replacements.Add(m.Value, tag);
            }
            return tag;
        });
    }

    private static string SubsetTagFor(string seed, int ordinal, IEnumerable<string> taken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/font/{ordinal}/{attempt}"));
            var tag = new string(hash.Take(6).Select(b => (char)('A' + b % 26)).ToArray());
            if (!taken.Contains(tag)) return tag;
        }
    }

    private static Guid DerivedGuid(string seed, string purpose) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/{purpose}")).AsSpan(0, 16));

    [GeneratedRegex(@"(?<=/(?:BaseFont|FontName)/)[A-Z]{6}(?=\+)", RegexOptions.CultureInvariant)]
    private static partial Regex SubsetTag();

    [GeneratedRegex(@"(?<=<xmpMM:(?<kind>DocumentID|InstanceID)>uuid:)[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", RegexOptions.CultureInvariant)]
    private static partial Regex XmpId();
}
