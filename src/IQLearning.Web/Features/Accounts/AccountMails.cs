using System.Globalization;
using IQLearning.Web.Features.Notifications;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Accounts;

/// <summary>The mails of the account life cycle, written in the recipient's language.</summary>
public sealed class AccountMails(MailOutbox outbox, IStringLocalizer<AccountMails> t)
{
    public Task ConfirmEmailAsync(ApplicationUser user, string link) =>
        QueueAsync(user, user.Email!, "Mail.Confirm.Subject", "Mail.Confirm.Body", link);

    public Task AlreadyRegisteredAsync(ApplicationUser user, string signInLink) =>
        QueueAsync(user, user.Email!, "Mail.AlreadyRegistered.Subject", "Mail.AlreadyRegistered.Body", signInLink);

    public Task ResetPasswordAsync(ApplicationUser user, string link) =>
        QueueAsync(user, user.Email!, "Mail.Reset.Subject", "Mail.Reset.Body", link);

    /// <summary>Goes to the new address: only its owner can confirm the change.</summary>
    public Task ConfirmEmailChangeAsync(ApplicationUser user, string newEmail, string link) =>
        QueueAsync(user, newEmail, "Accounts.Mail.ChangeEmail.Subject", "Accounts.Mail.ChangeEmail.Body", link);

    /// <summary>Goes to the old address, so a takeover does not go unnoticed.</summary>
    public Task EmailChangedNoticeAsync(ApplicationUser user, string oldEmail, string newEmail) =>
        QueueAsync(user, oldEmail, "Accounts.Mail.EmailChanged.Subject", "Accounts.Mail.EmailChanged.Body", newEmail);

    private async Task QueueAsync(ApplicationUser user, string address, string subjectKey, string bodyKey, string argument)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(user.PreferredLanguage);
        try
        {
            await outbox.AddAsync(new OutgoingMail(address, user.DisplayName, t[subjectKey], t[bodyKey, user.DisplayName, argument]));
        }
        finally { CultureInfo.CurrentUICulture = previous; }
    }
}
