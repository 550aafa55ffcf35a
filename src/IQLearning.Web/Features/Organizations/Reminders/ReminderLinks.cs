using IQLearning.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;

namespace IQLearning.Web.Features.Organizations.Reminders;

/// <summary>
/// Links in reminder mails. The opt-out link carries the enrollment id protected with Data Protection, so nobody can
/// turn off someone else's reminders by guessing ids.
/// </summary>
public sealed class ReminderLinks(PublicLinks links, IDataProtectionProvider protection, ILogger<ReminderLinks> logger)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Organizations.ReminderOptOut.v1");

    public string Dashboard() => Absolute("/");

    public string OrganizationDashboard(int organizationId) => Absolute($"/organizations/{organizationId}");

    public string NotificationSettings() => Absolute(NotificationSettingsController.Path);

    public string OptOut(int enrollmentId) => Absolute($"/reminders/opt-out?token={Uri.EscapeDataString(_protector.Protect(enrollmentId.ToString()))}");

    public int? EnrollmentOf(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try { return int.TryParse(_protector.Unprotect(token), out var id) ? id : null; }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }

    /// <summary>A job has no request to take the host from; without Site:PublicBaseUrl the mail gets the path alone.</summary>
    private string Absolute(string path)
    {
        try { return links.Absolute(path); }
        catch (InvalidOperationException)
        {
            logger.LogWarning("Site:PublicBaseUrl is not set; reminder mails carry relative links.");
            return path;
        }
    }
}
