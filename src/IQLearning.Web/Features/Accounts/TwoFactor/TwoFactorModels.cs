using System.ComponentModel.DataAnnotations;

namespace IQLearning.Web.Features.Accounts.TwoFactor;

/// <summary>The set-up page before a second factor exists: key, QR code and the field for the first code.</summary>
public sealed class EnableTwoFactorModel
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(12, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Accounts.TwoFactor.Code")]
    public string Code { get; set; } = "";

    public string GroupedKey { get; set; } = "";
    public string QrCodeDataUri { get; set; } = "";
    /// <summary>The person's role requires a second factor: the page says why they were sent here.</summary>
    public bool Required { get; set; }
}

/// <summary>The page once a second factor is on.</summary>
public sealed record TwoFactorStatus(int RecoveryCodesLeft, bool CanDisable);

/// <summary>Recovery codes, shown exactly once after they were made.</summary>
public sealed record RecoveryCodesModel(IReadOnlyList<string> Codes)
{
    /// <summary>The codes as a text file for the download link; a data URI keeps them out of any later request.</summary>
    public string DownloadHref =>
        "data:text/plain;charset=utf-8," + Uri.EscapeDataString("IQLearning – Wiederherstellungscodes / recovery codes\r\n\r\n" + string.Join("\r\n", Codes) + "\r\n");
}
