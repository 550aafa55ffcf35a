using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace IQLearning.Web.Features.Accounts;

/// <summary>Identity's tokens made safe for a link in a mail, and back.</summary>
internal static class LinkTokens
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static bool TryDecode(string code, out string token)
    {
        try { token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); return true; }
        catch (FormatException) { token = ""; return false; }
    }
}
