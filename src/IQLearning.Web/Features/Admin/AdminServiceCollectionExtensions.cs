using Hangfire;
using Hangfire.Dashboard;
using IQLearning.Theme.Navigation;
using IQLearning.Web.Features.Accounts;

namespace IQLearning.Web.Features.Admin;

public static class AdminServiceCollectionExtensions
{
    public const string JobsDashboardPath = "/admin/jobs";

    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Administrators, p => p.RequireAuthenticatedUser().RequireRole(Roles.Administrator));
        services.AddSingleton(new NavigationItem("Nav.Admin", "/admin", 90, u => u.IsInRole(Roles.Administrator)));
        return services;
    }

    public static WebApplication MapAdmin(this WebApplication app)
    {
        app.UseHangfireDashboard(JobsDashboardPath, new DashboardOptions
        {
            Authorization = [new AdministratorsOnlyDashboardFilter()],
            DashboardTitle = "IQLearning – Jobs",
            AppPath = "/admin",
            DisplayStorageConnectionString = false,
        });
        return app;
    }

    /// <summary>The jobs dashboard answers administrators only; others get 401/403 from Hangfire.</summary>
    private sealed class AdministratorsOnlyDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Administrator);
    }
}

public static class Policies
{
    public const string Administrators = "Administrators";
}
