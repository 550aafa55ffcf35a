using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace IQLearning.Web.Features.Accounts.TwoFactor;

/// <summary>
/// Identity's authenticator check (RFC 6238, 30-second steps, two steps of clock drift either way) with one change:
/// a code is accepted once only (ASVS 2.8.4, 2.8.5). The time step of the accepted code is claimed through
/// <see cref="UsedAuthenticatorCodes"/>; a code of that step or an earlier one is refused afterwards, at sign-in and
/// at set-up alike, because both verify through this provider.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(UsedAuthenticatorCodes used)
    : AuthenticatorTokenProvider<ApplicationUser>
{
    private const int StepSeconds = 30;
    private const int AllowedDriftSteps = 2;

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            return false;
        var secret = Base32Decode(key);
        // The phone's clock is real time, whatever clock the site runs on (as in Identity's own provider).
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / StepSeconds;
        for (var step = now - AllowedDriftSteps; step <= now + AllowedDriftSteps; step++)
            if (Code(secret, step) == code)
                return await used.ClaimAsync(user.Id, step);
        return false;
    }

    private static int Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(secret, counter);
        var offset = hash[^1] & 0x0F;
        return (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFFFFFF) % 1_000_000;
    }

    private static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c);
            if (value < 0) continue; // padding and spaces
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }
        return [.. bytes];
    }
}
