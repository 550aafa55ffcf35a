using System.Net.Mail;
using System.Text.RegularExpressions;

namespace IQLearning.Web.Features.Organizations;

/// <summary>
/// A plain address as people type it: local@domain.tld. Stricter than MailAddress, which also accepts display names
/// ("Ann &lt;a@b&gt;"), comments and addresses without a dot in the domain.
/// </summary>
public static partial class EmailAddresses
{
    public static bool IsValid(string? address) =>
        address is { Length: > 0 and <= 254 } && Plain().IsMatch(address) &&
        MailAddress.TryCreate(address, out var parsed) && parsed.Address == address;

    [GeneratedRegex(@"^[^@\s""<>(),;:\\\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")]
    private static partial Regex Plain();
}
