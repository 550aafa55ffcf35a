using IQLearning.Web.Data;
using IQLearning.Web.Features.Learning.Model;
using IQLearning.Web.Features.Organizations.Model;
using IQLearning.Web.Features.Organizations.NotificationSettings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Features.Organizations.Reminders;

/// <summary>
/// The daily run: start new cycles for expired certificates, remind of certificates about to expire (re-enrolling
/// recurring assignments), remind learners a week before and on the due day, and tell managers about newly overdue
/// assignments. Optional notifications respect each user's <see cref="Model.NotificationSettings"/>. Every mail is written with its ReminderLog row in
/// one transaction, and the log's unique (enrollment, kind, due date) makes a second run on the same day a no-op.
/// </summary>
public sealed class ReminderJob(
    AppDbContext db, RecurrenceAfterExpiry recurrence, ExpiryReminders expiry, OverdueEscalation escalation, OrganizationMails mails,
    ReminderLinks links, TimeProvider clock, IOptions<OrganizationsOptions> options, ILogger<ReminderJob> logger)
{
    private const int Batch = 500;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = clock.GetUtcNow().UtcDateTime.Date;
        var cycles = await recurrence.RunAsync(cancellationToken);
        var expiring = await expiry.RunAsync(cancellationToken);
        var before = await RemindAsync(ReminderKinds.BeforeDue, today.AddDays(1), today.AddDays(options.Value.ReminderDaysBefore + 1), cancellationToken);
        var due = await RemindAsync(ReminderKinds.Due, today, today.AddDays(1), cancellationToken);
        var escalated = await escalation.RunAsync(today, cancellationToken);
        logger.LogInformation("Reminders: {Cycles} new cycles, {Expiring} expiring certificates, {Before} before due, {Due} due today, {Escalated} escalated",
            cycles, expiring, before, due, escalated);
    }

    /// <summary>Reminds every learner whose due day lies in [from, until) and who has not had this reminder for this due date.</summary>
    private async Task<int> RemindAsync(string kind, DateTime from, DateTime until, CancellationToken cancellationToken)
    {
        var candidates = await Pending(kind).Where(c => c.DueAt >= from && c.DueAt < until).ToListAsync(cancellationToken);
        foreach (var batch in candidates.Chunk(Batch))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var c in batch)
            {
                db.ReminderLog.Add(new ReminderLog { EnrollmentId = c.EnrollmentId, Kind = kind, DueAt = c.DueAt, SentAt = clock.GetUtcNow().UtcDateTime });
                await mails.ReminderAsync(new MailRecipient(c.Email, c.Name, c.Language), kind, c.Course, c.DueAt,
                    links.Dashboard(), c.Mandatory ? null : links.OptOut(c.EnrollmentId), c.Mandatory ? null : links.NotificationSettings());
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        return candidates.Count;
    }

    /// <summary>
    /// Open assignment enrollments of current members without this reminder; optional ones unless the learner opted
    /// out of this course or of optional reminders altogether.
    /// </summary>
    private IQueryable<ReminderCandidate> Pending(string kind)
    {
        var optionalOff = TurnedOff.OptionalAssignmentReminders(db);
        return from e in db.Enrollments
        where e.Source == EnrollmentSource.Assignment && e.Status == EnrollmentStatus.Active && e.DueAt != null
        join a in db.Assignments on e.AssignmentId equals a.Id
        where db.OrganizationMembers.Any(m => m.OrganizationId == a.OrganizationId && m.UserId == e.UserId)
              && !db.ReminderLog.Any(r => r.EnrollmentId == e.Id && r.Kind == kind && r.DueAt == e.DueAt)
              && (a.Mandatory || (!db.ReminderLog.Any(r => r.EnrollmentId == e.Id && r.Kind == ReminderKinds.OptOut) && !optionalOff.Contains(e.UserId)))
        join u in db.Users on e.UserId equals u.Id
        select new ReminderCandidate
        {
            EnrollmentId = e.Id, DueAt = e.DueAt!.Value, Mandatory = a.Mandatory, OrganizationId = a.OrganizationId,
            Email = u.Email!, Name = u.DisplayName, Language = u.PreferredLanguage,
            Course = db.ContentItems.Where(i => i.Id == e.CourseItemId)
                .Join(db.ContentVersions, i => i.PublishedVersionId, v => v.Id, (i, v) => v.Title).FirstOrDefault() ?? "",
        };
    }
}

public sealed class ReminderCandidate
{
    public int EnrollmentId { get; init; }
    public DateTime DueAt { get; init; }
    public bool Mandatory { get; init; }
    public int OrganizationId { get; init; }
    public required string Email { get; init; }
    public required string Name { get; init; }
    public required string Language { get; init; }
    public required string Course { get; init; }
}
