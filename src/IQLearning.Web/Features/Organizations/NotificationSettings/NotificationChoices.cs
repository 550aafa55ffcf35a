using System.ComponentModel.DataAnnotations;
using IQLearning.Web.Data;
using Microsoft.EntityFrameworkCore;
using Settings = IQLearning.Web.Features.Organizations.Model.NotificationSettings;

namespace IQLearning.Web.Features.Organizations.NotificationSettings;

/// <summary>The settings page's form: every notification that is not legally required, on or off.</summary>
public sealed class NotificationSettingsForm
{
    [Display(Name = "Organizations.Notifications.OptionalAssignmentReminders")]
    public bool OptionalAssignmentReminders { get; set; } = true;

    [Display(Name = "Organizations.Notifications.OptionalExpiryReminders")]
    public bool OptionalExpiryReminders { get; set; } = true;

    [Display(Name = "Organizations.Notifications.ManagerDigest")]
    public bool ManagerDigest { get; set; } = true;

    [Display(Name = "Organizations.Notifications.OptionalEscalations")]
    public bool OptionalEscalations { get; set; } = true;
}

public sealed record NotificationSettingsView(NotificationSettingsForm Form, bool IsManager);

/// <summary>Reads and stores a user's notification settings; the reminder jobs read them through <see cref="TurnedOff"/>.</summary>
public sealed class NotificationChoices(AppDbContext db, TimeProvider clock)
{
    public async Task<NotificationSettingsForm> LoadAsync(string userId, CancellationToken cancellationToken) =>
        await db.NotificationSettings.AsNoTracking().Where(s => s.UserId == userId)
            .Select(s => new NotificationSettingsForm
            {
                OptionalAssignmentReminders = s.OptionalAssignmentReminders, OptionalExpiryReminders = s.OptionalExpiryReminders,
                ManagerDigest = s.ManagerDigest, OptionalEscalations = s.OptionalEscalations,
            }).FirstOrDefaultAsync(cancellationToken) ?? new NotificationSettingsForm();

    /// <param name="isManager">A learner's form has no manager fields; their stored values stay as they were.</param>
    public async Task SaveAsync(string userId, NotificationSettingsForm form, bool isManager, CancellationToken cancellationToken)
    {
        var settings = await db.NotificationSettings.FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (settings is null) db.NotificationSettings.Add(settings = new Settings { UserId = userId });
        settings.OptionalAssignmentReminders = form.OptionalAssignmentReminders;
        settings.OptionalExpiryReminders = form.OptionalExpiryReminders;
        if (isManager)
        {
            settings.ManagerDigest = form.ManagerDigest;
            settings.OptionalEscalations = form.OptionalEscalations;
        }
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>The users who turned a notification off, as subqueries the reminder jobs compose into their own SQL.</summary>
public static class TurnedOff
{
    public static IQueryable<string> OptionalAssignmentReminders(AppDbContext db) =>
        db.NotificationSettings.Where(s => !s.OptionalAssignmentReminders).Select(s => s.UserId);

    public static IQueryable<string> OptionalExpiryReminders(AppDbContext db) =>
        db.NotificationSettings.Where(s => !s.OptionalExpiryReminders).Select(s => s.UserId);

    public static IQueryable<string> ManagerDigest(AppDbContext db) =>
        db.NotificationSettings.Where(s => !s.ManagerDigest).Select(s => s.UserId);

    public static IQueryable<string> OptionalEscalations(AppDbContext db) =>
        db.NotificationSettings.Where(s => !s.OptionalEscalations).Select(s => s.UserId);
}
