using Hangfire;
using IQLearning.Theme.Navigation;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Organizations.Assignments;
using IQLearning.Web.Features.Organizations.Dashboard;
using IQLearning.Web.Features.Organizations.Invitations;
using IQLearning.Web.Features.Organizations.Members;
using IQLearning.Web.Features.Organizations.NotificationSettings;
using IQLearning.Web.Features.Organizations.Reminders;
using IQLearning.Web.Infrastructure;

namespace IQLearning.Web.Features.Organizations;

public static class OrganizationsServiceCollectionExtensions
{
    public const string ReminderJobId = "organization-reminders";
    public const string DigestJobId = "organization-digest";

    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddOptions<OrganizationsOptions>().BindConfiguration(OrganizationsOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.HasValidExpiryStages, "Organizations:ExpiryFinalReminderDaysBefore must not exceed ExpiryReminderDaysBefore.")
            .ValidateOnStart();
        services.AddScoped<OrganizationAccess>();
        services.AddScoped<OrganizationMails>();
        services.AddScoped<EditOrganization>();
        services.AddScoped<AddMember>();
        services.AddScoped<InviteMember>();
        services.AddScoped<AcceptInvitation>();
        services.AddScoped<ImportMembers>();
        services.AddScoped<MembersPage>();
        services.AddScoped<MemberRemovals>();
        services.AddScoped<AssignmentEnrollments>();
        services.AddScoped<AssignmentsPage>();
        services.AddScoped<CreateAssignment>();
        services.AddScoped<LoadDashboard>();
        services.AddScoped<MyOrganizations>();
        services.AddScoped<ExportReport>();
        services.AddScoped<ReminderLinks>();
        services.AddScoped<ReminderOptOut>();
        services.AddScoped<RecurrenceAfterExpiry>();
        services.AddScoped<OverdueEscalation>();
        services.AddScoped<ExpiryReminders>();
        services.AddScoped<NotificationChoices>();
        services.AddScoped<ReminderJob>();
        services.AddScoped<ManagerDigest>();
        services.AddStartupTask<ScheduleOrganizationJobs>();
        services.AddSingleton(new NavigationItem("Organizations.Nav.Mine", "/organizations", 50, u => u.IsInRole(Roles.Manager)));
        services.AddSingleton(new NavigationItem("Organizations.Nav.All", "/admin/organizations", 85, u => u.IsInRole(Roles.Administrator)));
        return services;
    }
}

/// <summary>Reminders and escalations every morning; the managers' digest on Monday mornings (UTC).</summary>
internal sealed class ScheduleOrganizationJobs(IRecurringJobManager recurringJobs) : IStartupTask
{
    public int Order => 110;

    public Task RunAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<ReminderJob>(OrganizationsServiceCollectionExtensions.ReminderJobId,
            j => j.RunAsync(CancellationToken.None), Cron.Daily(5));
        recurringJobs.AddOrUpdate<ManagerDigest>(OrganizationsServiceCollectionExtensions.DigestJobId,
            j => j.RunAsync(CancellationToken.None), Cron.Weekly(DayOfWeek.Monday, 6));
        return Task.CompletedTask;
    }
}
