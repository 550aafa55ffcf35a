using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace IQLearning.Web.Features.Certificates;

/// <summary>
/// Serves the Liberation fonts (SIL OFL, see Fonts/OFL.txt) embedded in this assembly to PDFsharp, so a
/// certificate looks the same on every server whether or not any fonts are installed there.
/// </summary>
public sealed class CertificateFonts : IFontResolver
{
    public const string Serif = "IQ Certificate Serif";
    public const string Sans = "IQ Certificate Sans";
    private const string ResourcePrefix = "IQLearning.Certificates.Fonts.";

    private static readonly Lock RegistrationLock = new();
    private static readonly ConcurrentDictionary<string, byte[]> FontFiles = new(StringComparer.Ordinal);

    // Whatever resolver the host had set before us keeps serving the families we do not know.
    private readonly IFontResolver? _previous;

    private CertificateFonts(IFontResolver? previous) => _previous = previous;

    /// <summary>
    /// Makes PDFsharp use these fonts. PDFsharp has one resolver per process, so this sets it once and is
    /// safe to call from every render, on any thread.
    /// </summary>
    public static void EnsureRegistered()
    {
        if (GlobalFontSettings.FontResolver is CertificateFonts) return;
        lock (RegistrationLock)
        {
            if (GlobalFontSettings.FontResolver is CertificateFonts) return;
            GlobalFontSettings.FontResolver = new CertificateFonts(GlobalFontSettings.FontResolver);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        // Italic is not embedded; PDFsharp simulates it when asked, which the certificate never does.
        var file = familyName switch
        {
            Serif => bold ? "LiberationSerif-Bold.ttf" : "LiberationSerif-Regular.ttf",
            Sans => bold ? "LiberationSans-Bold.ttf" : "LiberationSans-Regular.ttf",
            _ => null,
        };
        return file is not null ? new FontResolverInfo(file) : _previous?.ResolveTypeface(familyName, bold, italic);
    }

    public byte[]? GetFont(string faceName) =>
        faceName.StartsWith("Liberation", StringComparison.Ordinal)
            ? FontFiles.GetOrAdd(faceName, Load)
            : _previous?.GetFont(faceName);

    private static byte[] Load(string faceName)
    {
        using var stream = typeof(CertificateFonts).Assembly.GetManifestResourceStream(ResourcePrefix + faceName)
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded; check the EmbeddedResource item in IQLearning.Web.csproj.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
