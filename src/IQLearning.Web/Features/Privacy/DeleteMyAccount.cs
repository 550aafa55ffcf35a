using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Assessments.Model;
using IQLearning.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Privacy;

/// <summary>What becomes of the person's certificates when the account goes (GDPR Art. 17; domain notes §3.3).</summary>
public enum CertificateChoice { Revoke, Keep }

public enum DeletionOutcome { Deleted, WrongPassword, LockedOut, NotFound }

/// <summary>The deletion form: the password again, and the choice for the certificates (revoking is the default).</summary>
public sealed class DeleteAccountForm
{
    [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Display(Name = "Privacy.Delete.Password")]
    public string Password { get; set; } = "";

    public CertificateChoice Certificates { get; set; } = CertificateChoice.Revoke;

    [BindNever] public int CertificateCount { get; set; }
}

/// <summary>
/// Deletes the signed-in person's account after they re-enter the password, all in one transaction.
/// <para>
/// What is kept and why: the learning records that feed statistics (enrollments with lesson progress, submitted quiz
/// attempts with their scores, finished scenario runs) are re-keyed to a fresh placeholder account that has no name,
/// no address and no password and can never sign in. Organizations' completion counts per assignment and the item
/// statistics stay right, and nothing links the rows back to the person. A fresh placeholder per deletion (rather
/// than one shared) is needed because a learner has one enrollment per course and numbered attempts per quiz, both
/// unique per account. The answers of attempts are cleared: essays are free text that may name the person.
/// Unfinished attempts and runs carry no statistical value and are deleted.
/// </para>
/// <para>
/// Deleted outright: self-assessments (private by design), accessibility reports, memberships, consents,
/// invitations, mails to the person's address and mails that carried their certificates, and the account itself.
/// Security-log entries stay until the audit retention period ends (Art. 17 (3), Art. 6 (1)(f) with Art. 32);
/// the database refuses changing them, and the account id they name no longer leads to anybody.
/// </para>
/// </summary>
public sealed class DeleteMyAccount(
    AppDbContext db, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, TimeProvider clock)
{
    /// <summary>Stands where the holder's name was; the verification page shows it instead of a name.</summary>
    public const string ErasedHolderName = "—";
    public const string RevocationReason = "account deleted";
    public const string PlaceholderUserNamePrefix = "anonymous-";

    public Task<int> CountCertificatesAsync(string userId, CancellationToken cancellationToken) =>
        db.Certificates.CountAsync(c => c.UserId == userId, cancellationToken);

    public async Task<DeletionOutcome> DeleteAsync(string userId, string password, CertificateChoice certificates, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return DeletionOutcome.NotFound;
        // Counts towards lockout like a sign-in, so the form cannot be used to guess the password of an open session.
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut) return DeletionOutcome.LockedOut;
        if (!check.Succeeded) return DeletionOutcome.WrongPassword;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var email = user.NormalizedEmail ?? "\u0000";
        await AnonymiseLearningAsync(userId, now, cancellationToken);
        await EraseCertificatesAsync(userId, certificates, now, email, cancellationToken);

        await db.SelfAssessmentResults.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.AccessibilityFeedback.Where(f => f.UserId == userId || (f.Email != null && f.Email.ToUpper() == email)).ExecuteDeleteAsync(cancellationToken);
        await db.OrganizationMembers.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.CertificateConsents.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Invitations.Where(i => i.Email.ToUpper() == email).ExecuteDeleteAsync(cancellationToken);

        // Written directly rather than through AuditTrail, which would add the client's IP address: this entry names nobody.
        db.AuditEvents.Add(new AuditEvent { At = now, Action = "privacy.account-deleted", Detail = $"certificates: {certificates.ToString().ToLowerInvariant()}" });
        await db.SaveChangesAsync(cancellationToken);
        var deleted = await users.DeleteAsync(user);
        if (!deleted.Succeeded) throw new InvalidOperationException("The account could not be deleted: " + string.Join("; ", deleted.Errors.Select(e => e.Code)));
        await transaction.CommitAsync(cancellationToken);
        return DeletionOutcome.Deleted;
    }

    private async Task AnonymiseLearningAsync(string userId, DateTime now, CancellationToken ct)
    {
        await db.QuizAttempts.Where(a => a.UserId == userId && a.Status != AttemptStatus.Submitted).ExecuteDeleteAsync(ct);
        await db.ScenarioRuns.Where(r => r.UserId == userId && r.FinishedAt == null).ExecuteDeleteAsync(ct);
        var keepsStatistics = await db.Enrollments.AnyAsync(e => e.UserId == userId, ct)
            || await db.QuizAttempts.AnyAsync(a => a.UserId == userId, ct)
            || await db.ScenarioRuns.AnyAsync(r => r.UserId == userId, ct);
        if (!keepsStatistics) return;

        var placeholder = NewPlaceholder(now);
        db.Users.Add(placeholder);
        await db.SaveChangesAsync(ct);
        // Lesson progress and reminder entries hang off the enrollment, so they move with it.
        await db.Enrollments.Where(e => e.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.UserId, placeholder.Id), ct);
        await db.QuizAttempts.Where(a => a.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, placeholder.Id).SetProperty(a => a.AnswersJson, "{}"), ct);
        await db.ScenarioRuns.Where(r => r.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.UserId, placeholder.Id), ct);
    }

    private async Task EraseCertificatesAsync(string userId, CertificateChoice choice, DateTime now, string email, CancellationToken ct)
    {
        var certificates = await db.Certificates.Where(c => c.UserId == userId).ToListAsync(ct);
        var ids = certificates.Select(c => c.Id).ToList();
        // The mails that carried a certificate hold the name and the PDF; the delivery rows to organizations stay as
        // the record of a lawful transfer (organization address, basis, date), those to the learner's own address go.
        var mailIds = await db.CertificateDeliveries.Where(d => ids.Contains(d.CertificateId) && d.OutboxMessageId != null)
            .Select(d => d.OutboxMessageId!.Value).ToListAsync(ct);
        var mails = db.OutboxMessages.Where(m => m.ToAddress.ToUpper() == email || mailIds.Contains(m.Id));
        await db.OutboxAttachments.Where(a => mails.Any(m => m.Id == a.OutboxMessageId)).ExecuteDeleteAsync(ct);
        await mails.ExecuteDeleteAsync(ct);
        await db.CertificateDeliveries.Where(d => ids.Contains(d.CertificateId) && d.RecipientKind == "learner").ExecuteDeleteAsync(ct);

        foreach (var certificate in certificates)
        {
            if (choice == CertificateChoice.Revoke && certificate.RevokedAt is null)
            {
                certificate.RevokedAt = now;
                certificate.RevocationReason = RevocationReason;
            }
            // The hash lets a verifier who types the name confirm a kept certificate; a revoked one needs no match.
            certificate.HolderNameHash = choice == CertificateChoice.Keep ? HolderNameHash.Of(certificate.HolderName) : null;
            certificate.HolderName = ErasedHolderName;
            // PDF and signed credential both carry the name. The PDF's SHA-256 stays, so a presented copy can still be checked.
            certificate.Pdf = null;
            certificate.CredentialJwt = null;
            certificate.UserId = null;
            certificate.EnrollmentId = null; // the enrollment now belongs to the placeholder; no link back
        }
        await db.SaveChangesAsync(ct);
    }

    private static ApplicationUser NewPlaceholder(DateTime now)
    {
        var name = PlaceholderUserNamePrefix + Guid.NewGuid().ToString("N");
        return new ApplicationUser
        {
            UserName = name, NormalizedUserName = name.ToUpperInvariant(), Email = null, EmailConfirmed = false, PasswordHash = null,
            SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true, LockoutEnd = DateTimeOffset.MaxValue,
            DisplayName = "", PreferredLanguage = "de", CreatedAt = now,
        };
    }
}

/// <summary>The SHA-256 a kept certificate stores instead of its holder's name.</summary>
public static class HolderNameHash
{
    /// <summary>
    /// Hex SHA-256 of the name in one canonical spelling (Unicode NFC, trimmed, inner whitespace collapsed, lower case),
    /// so that a verifier typing "anna  Schmidt" matches "Anna Schmidt". Verification must hash the typed name with this.
    /// </summary>
    public static string Of(string name)
    {
        var canonical = string.Join(' ', name.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .ToLowerInvariant();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
