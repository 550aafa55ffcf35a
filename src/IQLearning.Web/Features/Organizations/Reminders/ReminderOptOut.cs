using IQLearning.Web.Data;
using IQLearning.Web.Features.Organizations.Model;
using Microsoft.EntityFrameworkCore;

namespace IQLearning.Web.Features.Organizations.Reminders;

public enum OptOutState { Possible, AlreadyOff, Mandatory, Invalid }

public sealed record OptOutView(string Token, OptOutState State, string Course);

/// <summary>
/// The link in a reminder for an optional course turns its reminders off. There is no per-user settings table, so
/// the choice is an "opt-out" row in ReminderLog for that enrollment; mandatory courses keep their reminders.
/// </summary>
public sealed class ReminderOptOut(AppDbContext db, ReminderLinks links, TimeProvider clock)
{
    public async Task<OptOutView> LoadAsync(string? token, CancellationToken cancellationToken)
    {
        if (links.EnrollmentOf(token) is not { } enrollmentId) return new OptOutView(token ?? "", OptOutState.Invalid, "");
        var found = await db.Enrollments.AsNoTracking().Where(e => e.Id == enrollmentId)
            .Join(db.Assignments, e => e.AssignmentId, a => a.Id, (e, a) => new
            {
                a.Mandatory,
                Off = db.ReminderLog.Any(r => r.EnrollmentId == e.Id && r.Kind == ReminderKinds.OptOut),
                Course = db.ContentItems.Where(i => i.Id == e.CourseItemId)
                    .Join(db.ContentVersions, i => i.PublishedVersionId, v => v.Id, (i, v) => v.Title).FirstOrDefault() ?? "",
            }).FirstOrDefaultAsync(cancellationToken);
        var state = found is null ? OptOutState.Invalid
            : found.Mandatory ? OptOutState.Mandatory
            : found.Off ? OptOutState.AlreadyOff : OptOutState.Possible;
        return new OptOutView(token!, state, found?.Course ?? "");
    }

    public async Task<OptOutView> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        var view = await LoadAsync(token, cancellationToken);
        if (view.State != OptOutState.Possible) return view;
        db.ReminderLog.Add(new ReminderLog
        {
            EnrollmentId = links.EnrollmentOf(token)!.Value, Kind = ReminderKinds.OptOut, DueAt = ReminderKinds.OptOutKey,
            SentAt = clock.GetUtcNow().UtcDateTime,
        });
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateException) { /* a double click: the row is there already */ }
        return view with { State = OptOutState.AlreadyOff };
    }
}
