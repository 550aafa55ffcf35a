using IQLearning.Web.Data;
using IQLearning.Web.Features.Learning;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Certificates.Issuing;

/// <summary>
/// A completed course earns its certificate at once, server-side, in the completing transaction. The unique
/// enrollment on the certificate makes a repeated or concurrent completion a no-op.
/// </summary>
internal sealed class IssueOnCompletion(AppDbContext db, IssueCertificate issue) : ICourseCompletedHandler
{
    public async Task HandleAsync(CourseCompleted completion, CancellationToken cancellationToken)
    {
        var learner = await db.Users.AsNoTracking().Where(u => u.Id == completion.UserId)
            .Select(u => new { u.DisplayName, u.Email, u.PreferredLanguage })
            .SingleAsync(cancellationToken);
        var assignmentId = await db.Enrollments.AsNoTracking().Where(e => e.Id == completion.EnrollmentId)
            .Select(e => e.AssignmentId).SingleAsync(cancellationToken);
        var email = learner.Email ?? throw new InvalidOperationException($"Learner {completion.UserId} has no e-mail address.");

        await issue.IssueAsync(new CertificateRequest(
            HolderName: string.IsNullOrWhiteSpace(learner.DisplayName) ? email : learner.DisplayName,
            HolderEmail: email,
            UserId: completion.UserId,
            CourseItemId: completion.CourseItemId,
            CourseVersionId: completion.CourseVersionId,
            MailLanguage: learner.PreferredLanguage,
            IssuedBy: IssueReasons.Completion,
            IssuedById: null,
            IssuedAt: completion.CompletedAt,
            EnrollmentId: completion.EnrollmentId,
            AssignmentId: assignmentId), cancellationToken);
    }
}
