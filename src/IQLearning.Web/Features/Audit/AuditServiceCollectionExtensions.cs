namespace IQLearning.Web.Features.Audit;

public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditTrail>();
        return services;
    }
}
