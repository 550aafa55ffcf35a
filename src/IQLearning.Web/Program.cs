using IQLearning.Web.Data;
using IQLearning.Web.Features.Accessibility;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Admin;
using IQLearning.Web.Features.Assessments;
using IQLearning.Web.Features.Audit;
using IQLearning.Web.Features.Authoring;
using IQLearning.Web.Features.Catalog;
using IQLearning.Web.Features.Certificates;
using IQLearning.Web.Features.Content;
using IQLearning.Web.Features.Health;
using IQLearning.Web.Features.Learning;
using IQLearning.Web.Features.Media;
using IQLearning.Web.Features.Notifications;
using IQLearning.Web.Features.Organizations;
using IQLearning.Web.Features.Privacy;
using IQLearning.Web.Infrastructure;

try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.Services
        .AddSite(builder.Configuration)
        .AddData(builder.Configuration)
        .AddBackgroundJobs(builder.Configuration)
        .AddNotifications(builder.Configuration)
        .AddAudit()
        .AddAccounts()
        .AddContent(builder.Configuration)
        .AddMedia(builder.Configuration)
        .AddCatalog()
        .AddLearning()
        .AddAuthoring()
        .AddAssessments()
        .AddCertificates()
        .AddOrganizations()
        .AddPrivacy(builder.Configuration)
        .AddAdmin()
        .AddAccessibility()
        .AddHealth();

    var app = builder.Build();

    if (await app.RunCommandAsync(args) is { } exitCode) return exitCode;
    await app.RunStartupTasksAsync();

    app.UseSite();
    app.UseAccounts();
    app.MapAdmin();
    app.MapCertificates();
    app.MapHealth();

    await app.RunAsync();
    return 0;
}
catch (StartupFailedException ex)
{
    // One clear line naming the setting, instead of a stack trace.
    Console.Error.WriteLine($"IQLearning cannot start. {ex.Message}");
    return 1;
}

public partial class Program;
