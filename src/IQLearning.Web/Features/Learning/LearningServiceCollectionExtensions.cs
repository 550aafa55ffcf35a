using IQLearning.Theme.Navigation;

namespace IQLearning.Web.Features.Learning;

public static class LearningServiceCollectionExtensions
{
    public static IServiceCollection AddLearning(this IServiceCollection services)
    {
        services.AddSingleton<PublishedOutlineCache>();
        services.AddScoped<CourseOutlines>();
        services.AddScoped<LearnerRecords>();
        services.AddScoped<Enrol>();
        services.AddScoped<Leave>();
        services.AddScoped<OpenLesson>();
        services.AddScoped<ResumeCourse>();
        services.AddScoped<MarkLessonDone>();
        services.AddScoped<Heartbeat>();
        services.AddScoped<Dashboard>();
        // Completion is decided here whichever feature finished the step (lesson, quiz attempt, scenario).
        services.AddScoped<ICourseStepHandler, CompleteCourse>();
        services.AddSingleton(new NavigationItem("Learning.Nav", "/learn", 20, u => u.Identity?.IsAuthenticated == true));
        return services;
    }
}
