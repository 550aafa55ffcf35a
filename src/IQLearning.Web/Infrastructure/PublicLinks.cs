using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace IQLearning.Web.Infrastructure;

/// <summary>
/// Absolute links for mails, certificates and QR codes: Site:PublicBaseUrl when set, otherwise the current request's
/// origin, otherwise (outside a request, e.g. in a background job) the server's first listening address — so finishing a
/// course never fails for want of a link. Production sets Site:PublicBaseUrl.
/// </summary>
public sealed class PublicLinks(IOptions<SiteOptions> options, IHttpContextAccessor http, IServer server, ILogger<PublicLinks> logger)
{
    public string Absolute(string pathAndQuery) =>
        Origin() + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);

    private string Origin()
    {
        if (options.Value.PublicBaseUrl is { Length: > 0 } configured) return configured.TrimEnd('/');
        if (http.HttpContext?.Request is { } request) return $"{request.Scheme}://{request.Host}{request.PathBase}";
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.Replace("://+", "://localhost").Replace("://*", "://localhost")
            ?? "http://localhost";
        logger.LogWarning("Site:PublicBaseUrl is not set; a link built outside a request uses {Address}.", address);
        return address.TrimEnd('/');
    }
}
