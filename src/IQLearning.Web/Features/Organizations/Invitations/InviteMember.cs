using System.ComponentModel.DataAnnotations;
using System.Globalization;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Organizations.Model;
using IQLearning.Web.Infrastructure;

namespace IQLearning.Web.Features.Organizations.Invitations;

public sealed class InvitationForm
{
    [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(254, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";

    [StringLength(200, ErrorMessage = "Validation.MaxLength"), Display(Name = "Organizations.Field.InviteeName")]
    public string? Name { get; set; }

    [Display(Name = "Organizations.Field.Role")]
    public MemberRole Role { get; set; }
}

/// <summary>
/// Queues an invitation mail with a signed link; the person becomes a member when they accept it signed in with
/// that address. Runs in the caller's transaction; the caller saves.
/// </summary>
public sealed class InviteMember(AppDbContext db, OrganizationMails mails, PublicLinks links, TimeProvider clock)
{
    public async Task InviteAsync(ManagedOrganization organization, string email, string? name, MemberRole role, string? invitedById)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (token, hash) = InvitationToken.Create();
        var invitation = new Invitation
        {
            OrganizationId = organization.Id, Email = email.Trim(), Role = role, TokenHash = hash,
            CreatedAt = now, ExpiresAt = now + InvitationToken.Lifetime, InvitedById = invitedById,
        };
        db.Invitations.Add(invitation);
        // Until the invitee has an account, the inviting manager's language is the best guess for theirs.
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        await mails.InvitationAsync(new MailRecipient(invitation.Email, name, language), organization.Name,
            links.Absolute($"/invitations/{token}"), invitation.ExpiresAt);
    }
}
