using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace IQLearning.Web.Features.Certificates;

/// <summary>
/// The number printed on a certificate and typed into the verification page: <c>IQ-2025-7KQX-M4RD</c>.
/// The eight symbols after the year are drawn with a cryptographic generator from 30 symbols that cannot be
/// misread for each other (no 0/O, 1/I/L, and no U so that no accidental words form), ~39 bits of entropy.
/// There is deliberately no check symbol: a check symbol would cost one random symbol (~5 bits), and the number
/// is mostly read from the QR code or the PDF, where typos do not happen.
/// </summary>
public readonly record struct CertificateNumber
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const string Prefix = "IQ";
    public const int MinYear = 2000;
    public const int MaxYear = 9999;
    private const int GroupLength = 4;

    // "IQ-" + year + "-" + group + "-" + group
    private const int Length = 3 + 4 + 1 + GroupLength + 1 + GroupLength;

    private readonly string? _value;

    private CertificateNumber(string value) => _value = value;

    /// <summary>The canonical form, upper case, with dashes.</summary>
    public string Value => _value ?? throw new InvalidOperationException("A default CertificateNumber has no value.");

    public int Year => int.Parse(Value.AsSpan(3, 4), CultureInfo.InvariantCulture);

    public override string ToString() => Value;

    /// <summary>A new random number for a certificate issued in <paramref name="year"/>.</summary>
    public static CertificateNumber New(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        return new CertificateNumber(string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{year:D4}-{RandomGroup()}-{RandomGroup()}"));
    }

    /// <summary>Reads what a person typed: case and surrounding white space do not matter, anything else does.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out CertificateNumber number)
    {
        number = default;
        if (text is null) return false;
        var candidate = text.Trim().ToUpperInvariant();
        if (!IsWellFormed(candidate)) return false;
        number = new CertificateNumber(candidate);
        return true;
    }

    public static CertificateNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw new FormatException($"'{text}' is not a certificate number (IQ-<year>-XXXX-XXXX).");

    /// <summary>The canonical form of <paramref name="text"/>, or null when it is not a certificate number.</summary>
    public static string? Normalize(string? text) => TryParse(text, out var number) ? number.Value : null;

    private static string RandomGroup()
    {
        // GetInt32 rejects out-of-range samples itself, so every symbol is equally likely (no modulo bias).
        Span<char> group = stackalloc char[GroupLength];
        for (var i = 0; i < group.Length; i++)
            group[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(group);
    }

    private static bool IsWellFormed(string s)
    {
        if (s.Length != Length || !s.StartsWith(Prefix + "-", StringComparison.Ordinal)) return false;
        if (s[7] != '-' || s[12] != '-') return false;
        if (!int.TryParse(s.AsSpan(3, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year < MinYear) return false;
        return IsGroup(s.AsSpan(8, GroupLength)) && IsGroup(s.AsSpan(13, GroupLength));
    }

    private static bool IsGroup(ReadOnlySpan<char> group)
    {
        foreach (var c in group)
            if (!Alphabet.Contains(c)) return false;
        return true;
    }
}
