using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace IQLearning.Web.Features.Organizations.Invitations;

/// <summary>
/// The secret in an invitation link: 256 random bits. Only its SHA-256 is stored, so a copy of the database does
/// not hand out working links.
/// </summary>
public static class InvitationToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public static (string Token, string Hash) Create()
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
