using System.Text;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace IQLearning.Web.Features.Accounts.TwoFactor;

/// <summary>The authenticator-app key of an account, as text to type and as a QR code to scan.</summary>
public sealed class AuthenticatorSetup(UserManager<ApplicationUser> users)
{
    public const string Issuer = "IQLearning";
    public const int RecoveryCodeCount = 10;

    /// <summary>The account's key; made on first use. Making it changes the security stamp, so the caller refreshes the sign-in.</summary>
    public async Task<(string Key, bool Created)> KeyAsync(ApplicationUser user)
    {
        if (await users.GetAuthenticatorKeyAsync(user) is { Length: > 0 } existing) return (existing, false);
        await users.ResetAuthenticatorKeyAsync(user);
        return ((await users.GetAuthenticatorKeyAsync(user))!, true);
    }

    public Task<bool> VerifyAsync(ApplicationUser user, string code) =>
        users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, NormalizeCode(code));

    /// <summary>Apps show "123 456"; people type it with the space or a dash.</summary>
    public static string NormalizeCode(string code) => code.Replace(" ", "").Replace("-", "").Trim();

    /// <summary>"JBSW Y3DP EHPK 3PXP": groups of four are easier to type without losing one's place.</summary>
    public static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) text.Append(' ');
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return text.ToString();
    }

    /// <summary>The Key URI Format that authenticator apps understand (issuer in label and parameter).</summary>
    public static string OtpAuthUri(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>A PNG as a data URI, which the CSP allows for images (img-src 'self' data:), so no extra request holds the key.</summary>
    public static string QrCodeDataUri(string otpAuthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpAuthUri, QRCodeGenerator.ECCLevel.M);
        // Explicit RGB gives a palette PNG that every browser and scanner reads; black on white for contrast.
        var png = new PngByteQRCode(data).GetGraphic(5, [0, 0, 0], [255, 255, 255]);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
