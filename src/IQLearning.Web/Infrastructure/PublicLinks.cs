using Microsoft.Extensions.Options;

namespace IQLearning.Web.Infrastructure;

/// <summary>Absolute links for mails and QR codes: Site:PublicBaseUrl when set, otherwise the current request's origin.</summary>
public sealed class PublicLinks(IOptions<SiteOptions> options, IHttpContextAccessor http)
{
    public string Absolute(string pathAndQuery)
    {
        var configured = options.Value.PublicBaseUrl;
        string origin;
        if (!string.IsNullOrWhiteSpace(configured)) origin = configured.TrimEnd('/');
        else
        {
            var request = http.HttpContext?.Request
                ?? throw new InvalidOperationException("Site:PublicBaseUrl must be set to build links outside a request.");
            origin = $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
        return origin + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);
    }
}
