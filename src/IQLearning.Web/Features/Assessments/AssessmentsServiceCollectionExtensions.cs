using IQLearning.Theme.Navigation;
using IQLearning.Web.Features.Assessments.ScenarioPlayer;
using IQLearning.Web.Features.Assessments.SelfAssessment;
using IQLearning.Web.Features.Assessments.Taking;

namespace IQLearning.Web.Features.Assessments;

public static class AssessmentsServiceCollectionExtensions
{
    /// <summary>The quiz player, the scenario player and the private self-assessments.</summary>
    public static IServiceCollection AddAssessments(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<QuizVersions>();
        services.AddScoped<OwnAttempt>();
        services.AddScoped<CourseSteps>();
        services.AddScoped<QuizIntro>();
        services.AddScoped<StartAttempt>();
        services.AddScoped<ShowAttempt>();
        services.AddScoped<SaveAnswers>();
        services.AddScoped<ExtendTime>();
        services.AddScoped<SubmitAttempt>();
        services.AddScoped<ScenarioVersions>();
        services.AddScoped<OwnRun>();
        services.AddScoped<ScenarioIntro>();
        services.AddScoped<StartRun>();
        services.AddScoped<ChooseOption>();
        services.AddOptions<SelfAssessmentOptions>().BindConfiguration(SelfAssessmentOptions.Section);
        services.AddSingleton<SelfAssessmentInstruments>();
        services.AddScoped<TakeSelfAssessment>();
        services.AddScoped<SelfAssessmentResults>();
        services.AddSingleton(new NavigationItem("Assessments.Nav.SelfAssessment", "/self-assessment", 50, u => u.Identity?.IsAuthenticated == true));
        return services;
    }
}
