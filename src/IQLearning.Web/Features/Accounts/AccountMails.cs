using System.Globalization;
using IQLearning.Web.Features.Notifications;
using Microsoft.Extensions.Localization;

namespace IQLearning.Web.Features.Accounts;

/// <summary>The mails of the account life cycle, written in the recipient's language.</summary>
public sealed class AccountMails(MailOutbox outbox, IStringLocalizer<AccountMails> t)
{
    public Task ConfirmEmailAsync(ApplicationUser user, string link) =>
        QueueAsync(user, "Mail.Confirm.Subject", "Mail.Confirm.Body", link);

    public Task AlreadyRegisteredAsync(ApplicationUser user, string signInLink) =>
        QueueAsync(user, "Mail.AlreadyRegistered.Subject", "Mail.AlreadyRegistered.Body", signInLink);

    public Task ResetPasswordAsync(ApplicationUser user, string link) =>
        QueueAsync(user, "Mail.Reset.Subject", "Mail.Reset.Body", link);

    private async Task QueueAsync(ApplicationUser user, string subjectKey, string bodyKey, string link)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(user.PreferredLanguage);
        try
        {
            await outbox.AddAsync(new OutgoingMail(user.Email!, user.DisplayName, t[subjectKey], t[bodyKey, user.DisplayName, link]));
        }
        finally { CultureInfo.CurrentUICulture = previous; }
    }
}
