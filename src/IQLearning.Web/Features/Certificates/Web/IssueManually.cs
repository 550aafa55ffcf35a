using System.ComponentModel.DataAnnotations;
using IQLearning.Web.Data;
using IQLearning.Web.Features.Certificates.Issuing;
using IQLearning.Web.Features.Certificates.Model;
using IQLearning.Web.Features.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Certificates.Web;

public sealed class ManualIssueForm
{
    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Certificates.Field.Course")]
    public int? CourseItemId { get; set; }

    [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Certificates.Field.Holder")]
    public string HolderName { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(254, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";
}

public sealed record CourseOption(int Id, string Title, string Language);

public sealed record ManualIssuePage(ManualIssueForm Form, IReadOnlyList<CourseOption> Courses);

/// <summary>
/// A reviewer or administrator certifies a person for a course by hand (e.g. attendance in person), with or without an
/// account: an account with that address gets the certificate on its certificates page and its language for the mail.
/// </summary>
public sealed class IssueManually(AppDbContext db, IssueCertificate issue, TimeProvider clock)
{
    public async Task<IReadOnlyList<CourseOption>> CoursesAsync(CancellationToken cancellationToken) =>
        await db.ContentItems.AsNoTracking()
            .Where(i => i.Kind == ContentKind.Course && !i.Archived && i.PublishedVersionId != null)
            .Join(db.ContentVersions, i => i.PublishedVersionId, v => v.Id, (i, v) => new { i.Id, v.Title, i.Language })
            .OrderBy(c => c.Title).Select(c => new CourseOption(c.Id, c.Title, c.Language)).ToListAsync(cancellationToken);

    /// <summary>Null when the course is not a published course (the form offered only those).</summary>
    public async Task<IssuedCertificate?> IssueAsync(ManualIssueForm form, string officerId, CancellationToken cancellationToken)
    {
        if (await PublishedVersionAsync(form.CourseItemId!.Value, cancellationToken) is not { } versionId) return null;
        var person = await PersonAsync(form.Email, cancellationToken);
        return await issue.IssueAsync(new CertificateRequest(
            form.HolderName.Trim(), form.Email.Trim(), person?.Id, form.CourseItemId.Value, versionId, person?.Language ?? "de",
            IssueReasons.Manual, officerId, clock.GetUtcNow().UtcDateTime), cancellationToken);
    }

    internal async Task<int?> PublishedVersionAsync(int courseItemId, CancellationToken cancellationToken) =>
        await db.ContentItems.AsNoTracking()
            .Where(i => i.Id == courseItemId && i.Kind == ContentKind.Course && !i.Archived)
            .Select(i => i.PublishedVersionId).SingleOrDefaultAsync(cancellationToken);

    internal async Task<(string Id, string Language)?> PersonAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized)
            .Select(u => new { u.Id, u.PreferredLanguage }).FirstOrDefaultAsync(cancellationToken);
        return user is null ? null : (user.Id, user.PreferredLanguage);
    }
}
