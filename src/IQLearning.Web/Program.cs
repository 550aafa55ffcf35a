using IQLearning.Web.Data;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Admin;
using IQLearning.Web.Features.Content;
using IQLearning.Web.Features.Health;
using IQLearning.Web.Features.Notifications;
using IQLearning.Web.Features.Organizations;
using IQLearning.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddSite(builder.Configuration)
    .AddData(builder.Configuration)
    .AddBackgroundJobs(builder.Configuration)
    .AddNotifications(builder.Configuration)
    .AddAccounts()
    .AddContent(builder.Configuration)
    .AddAdmin()
    .AddOrganizations()
    .AddHealth();

var app = builder.Build();

if (await app.RunCommandAsync(args) is { } exitCode) return exitCode;
await app.RunStartupTasksAsync();

app.UseSite();
app.MapAdmin();
app.MapHealth();

await app.RunAsync();
return 0;

public partial class Program;
