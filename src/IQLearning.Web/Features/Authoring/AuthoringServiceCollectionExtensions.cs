using IQLearning.Theme.Navigation;
using IQLearning.Web.Features.Accounts;

namespace IQLearning.Web.Features.Authoring;

public static class AuthoringPolicies
{
    /// <summary>Writes and reads drafts: authors, reviewers and administrators.</summary>
    public const string Authoring = "Authoring";

    /// <summary>Publishes or returns submitted drafts.</summary>
    public const string Reviewing = "Reviewing";
}

public static class AuthoringServiceCollectionExtensions
{
    public static IServiceCollection AddAuthoring(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthoringPolicies.Authoring, p => p.RequireAuthenticatedUser().RequireRole(Roles.Author, Roles.Reviewer, Roles.Administrator))
            .AddPolicy(AuthoringPolicies.Reviewing, p => p.RequireAuthenticatedUser().RequireRole(Roles.Reviewer, Roles.Administrator));
        services.AddScoped<AuthoringDashboard>();
        services.AddScoped<ContentEditor>();
        services.AddScoped<EditorChoices>();
        services.AddScoped<ItemHistory>();
        services.AddScoped<ReviewQueue>();
        services.AddScoped<UnitAdministration>();
        services.AddSingleton(new NavigationItem("Authoring.Nav.Author", "/author", 60,
            u => u.IsInRole(Roles.Author) || u.IsInRole(Roles.Reviewer) || u.IsInRole(Roles.Administrator)));
        services.AddSingleton(new NavigationItem("Authoring.Nav.Review", "/review", 65,
            u => u.IsInRole(Roles.Reviewer) || u.IsInRole(Roles.Administrator)));
        return services;
    }
}
