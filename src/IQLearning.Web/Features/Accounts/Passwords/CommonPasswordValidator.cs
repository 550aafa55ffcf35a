using System.IO.Compression;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Accounts.Passwords;

/// <summary>
/// ASVS 2.1.7 (5.0: 6.2.4, 6.2.11): refuses passwords from the bundled list of common and guessable passwords
/// (see generate_common_passwords.py for how the list was made) and passwords that contain the person's own
/// e-mail name or display name. No composition rules: length and these checks are the whole policy.
/// </summary>
internal sealed class CommonPasswordValidator(IStringLocalizer<CommonPasswordValidator> t) : IPasswordValidator<ApplicationUser>
{
    // Parts shorter than this ("Al", "jo") would refuse too many good passphrases.
    private const int MinimumPersonalPartLength = 3;

    private static readonly Lazy<HashSet<string>> List = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        if (IsCommon(password))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordCommon", Description = t["Accounts.Password.Common"] }));
        if (PersonalParts(user).Any(part => password.Contains(part, StringComparison.OrdinalIgnoreCase)))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordContainsPersonalData", Description = t["Accounts.Password.Personal"] }));
        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>Case-insensitive: "PassWort1234" is as guessable as "passwort1234".</summary>
    public static bool IsCommon(string password) => List.Value.Contains(password.Trim());

    public static int Count => List.Value.Count;

    private static IEnumerable<string> PersonalParts(ApplicationUser user)
    {
        var localPart = (user.Email ?? user.UserName ?? "").Split('@')[0];
        var name = user.DisplayName.Trim();
        // Whole and in pieces: "anna.nowak@…" and "Anna Nowak" give "anna.nowak", "anna nowak", "annanowak", "anna", "nowak".
        char[] separators = [' ', '-', '.', '_', '+'];
        string[] candidates =
        [
            localPart, name, name.Replace(" ", ""),
            .. localPart.Split(separators, StringSplitOptions.RemoveEmptyEntries),
            .. name.Split(separators, StringSplitOptions.RemoveEmptyEntries),
        ];
        return candidates.Where(c => c.Length >= MinimumPersonalPartLength).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    private static HashSet<string> Load()
    {
        using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(CommonPasswordData.GzipBase64)), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var set = new HashSet<string>(CommonPasswordData.Count, StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line) set.Add(line);
        return set;
    }
}
