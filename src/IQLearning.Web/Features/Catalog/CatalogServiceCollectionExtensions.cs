using IQLearning.Theme.Navigation;
using IQLearning.Web.Features.Catalog;

namespace IQLearning.Web.Features.Catalog;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>The public libraries: course catalog, materials, quality standards and search over published content.</summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddScoped<CourseCatalog>();
        services.AddScoped<CourseDetails>();
        services.AddScoped<MaterialLibrary>();
        services.AddScoped<MaterialDetails>();
        services.AddScoped<MaterialAttachments>();
        services.AddScoped<StandardLibrary>();
        services.AddScoped<StandardDetails>();
        services.AddScoped<ContentSearch>();
        services.AddSingleton(new NavigationItem("Catalog.Nav.Courses", "/courses", 10));
        services.AddSingleton(new NavigationItem("Catalog.Nav.Materials", "/materials", 20));
        services.AddSingleton(new NavigationItem("Catalog.Nav.Standards", "/standards", 30));
        return services;
    }
}
