using IQLearning.Theme.Navigation;
using IQLearning.Web.Features.Accounts;
using IQLearning.Web.Features.Certificates.Issuing;
using IQLearning.Web.Features.Certificates.Web;
using IQLearning.Web.Features.Learning;
using IQLearning.Web.Infrastructure;

namespace IQLearning.Web.Features.Certificates;

public static class CertificatesServiceCollectionExtensions
{
    /// <summary>Reviewers and administrators issue by hand, revoke, and see the delivery log.</summary>
    public const string OfficersPolicy = "CertificateOfficers";

    public static IServiceCollection AddCertificates(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(OfficersPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Reviewer, Roles.Administrator));
        services.AddSingleton<IssuerSigningKeys>();
        services.AddStartupTask<CreateSigningKeys>();
        services.AddScoped<CertificateMails>();
        services.AddScoped<DeliverCertificate>();
        services.AddScoped<IssueCertificate>();
        services.AddScoped<ICourseCompletedHandler, IssueOnCompletion>();
        services.AddScoped<VerifyCertificate>();
        services.AddScoped<VerifyCredential>();
        services.AddScoped<MyCertificates>();
        services.AddScoped<IssueManually>();
        services.AddScoped<BulkIssue>();
        services.AddScoped<RevokeCertificate>();
        services.AddScoped<FindCertificates>();
        services.AddScoped<DeliveryLog>();
        services.AddScoped<DownloadZip>();
        services.AddSingleton(new NavigationItem("Certificates.Nav", "/certificates", 40, u => u.Identity?.IsAuthenticated == true));
        return services;
    }

    public static WebApplication MapCertificates(this WebApplication app)
    {
        // The public keys, where verifiers look up a credential's kid (RFC 7517 key set; never a private member).
        app.MapGet("/.well-known/jwks.json", (IssuerSigningKeys keys, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(keys.Current.PublishJwks(), "application/jwk-set+json");
        });
        return app;
    }
}
