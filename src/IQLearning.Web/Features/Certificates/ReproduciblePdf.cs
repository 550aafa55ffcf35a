using System.Security.Cryptography;
using System.Text;

namespace IQLearning.Web.Features.Certificates;

/// <summary>
/// Removes the randomness PDFsharp 6.2 puts into every saved file, so that the same certificate gives the same
/// bytes: the six-letter font subset tags (<c>/BaseFont/BGKUIB+Liberation…</c>, from <c>Guid.NewGuid()</c>) and the
/// XMP DocumentID/InstanceID (random UUIDs). PDFsharp offers no switch for either. Each is replaced by a value of
/// the same length derived from a seed, so every byte offset in the cross-reference table stays correct.
/// </summary>
internal static class ReproduciblePdf
{
    private const int TagLength = 6;
    private static readonly byte[][] FontNameKeys = ["/BaseFont/"u8.ToArray(), "/FontName/"u8.ToArray()];
    private static readonly (string Kind, byte[] Marker)[] XmpIds =
    [
        ("DocumentID", "<xmpMM:DocumentID>uuid:"u8.ToArray()),
        ("InstanceID", "<xmpMM:InstanceID>uuid:"u8.ToArray()),
    ];
    private const int GuidLength = 36;

    /// <summary>
    /// Replaces the random parts in the saved file itself, in the same pass over its bytes that finds them: no second
    /// save and no parse. It works on the bytes (fonts and metadata are written uncompressed), which costs a few
    /// hundredths of a millisecond where decoding the file as text cost half of one.
    /// </summary>
    public static void NormalizeInPlace(byte[] result, string seed)
    {
        ReplaceSubsetTags(result, seed);
        foreach (var (kind, marker) in XmpIds)
            foreach (var at in Occurrences(result, marker))
                if (IsGuid(result.AsSpan(at, Math.Min(GuidLength, result.Length - at))))
                    Encoding.ASCII.GetBytes(DerivedGuid(seed, kind).ToString("D"), result.AsSpan(at, GuidLength));
    }

    /// <summary>The 16 bytes PDF expects in the trailer's /ID, as PDFsharp's raw string.</summary>
    public static string DocumentId(string seed) => Encoding.Latin1.GetString(DerivedGuid(seed, "trailer").ToByteArray());

    private static void ReplaceSubsetTags(byte[] pdf, string seed)
    {
        // The same random tag is shared by all dictionaries of one subset, so map tag → tag, in order of appearance.
        var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
        var positions = FontNameKeys.SelectMany(key => Occurrences(pdf, key)).Order();
        foreach (var at in positions)
        {
            if (at + TagLength >= pdf.Length || pdf[at + TagLength] != (byte)'+') continue;
            var span = pdf.AsSpan(at, TagLength);
            if (span.ContainsAnyExceptInRange((byte)'A', (byte)'Z')) continue;
            var found = Encoding.ASCII.GetString(span);
            if (!replacements.TryGetValue(found, out var tag))
            {
                tag = SubsetTagFor(seed, replacements.Count, replacements.Values);
                replacements.Add(found, tag);
            }
            Encoding.ASCII.GetBytes(tag, span);
        }
    }

    /// <summary>Where the bytes right after each occurrence of <paramref name="marker"/> start.</summary>
    private static List<int> Occurrences(byte[] pdf, byte[] marker)
    {
        var found = new List<int>();
        for (var from = 0; ;)
        {
            var index = pdf.AsSpan(from).IndexOf(marker);
            if (index < 0) return found;
            from += index + marker.Length;
            found.Add(from);
        }
    }

    private static bool IsGuid(ReadOnlySpan<byte> text) =>
        text.Length == GuidLength && Guid.TryParseExact(Encoding.ASCII.GetString(text), "D", out _);

    private static string SubsetTagFor(string seed, int ordinal, IEnumerable<string> taken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/font/{ordinal}/{attempt}"));
            var tag = new string(hash.Take(TagLength).Select(b => (char)('A' + b % 26)).ToArray());
            if (!taken.Contains(tag)) return tag;
        }
    }

    private static Guid DerivedGuid(string seed, string purpose) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}/{purpose}")).AsSpan(0, 16));
}
