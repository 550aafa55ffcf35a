namespace IQLearning.Web.Infrastructure;

/// <summary>
/// Response headers every page carries: no inline script, no framing, no MIME sniffing, no referrer leak, no
/// powerful browser features, no cross-origin embedding, and no caching of a signed-in person's pages.
/// Each one answers a passive rule of the OWASP ZAP baseline scan (see tests/IQLearning.Tests/Security).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Everything from the site itself. No 'unsafe-inline' or 'unsafe-eval' anywhere (ZAP 10055). data: stays allowed
    /// for images only (an inlined QR code or icon; a data: image cannot run script). object-src, frame-ancestors,
    /// base-uri and form-action are set because default-src does not cover them: no plugins, no framing by other
    /// sites, no injected &lt;base&gt; redirecting relative URLs, no injected form posting elsewhere.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Features no page of the site uses; denied so that injected or embedded code cannot ask for them either.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), " +
        "display-capture=(), fullscreen=(self)";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, params string[] pathsWithOwnPolicy) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            // Links to other sites send nothing of the path (which can hold ids such as /quiz/12/attempts/34).
            headers["Referrer-Policy"] = "same-origin";
            // Old browsers that ignore frame-ancestors still honour this.
            headers["X-Frame-Options"] = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            // The Hangfire dashboard ships inline scripts of its own; it is for administrators only.
            if (!pathsWithOwnPolicy.Any(p => context.Request.Path.StartsWithSegments(p)))
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            context.Response.OnStarting(() =>
            {
                // Pages embed nothing from elsewhere, so they can isolate themselves fully (ZAP 90004). Only on HTML:
                // a PDF or a download opened on its own gains nothing and some browser viewers trip over it.
                if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                    context.Response.Headers["Cross-Origin-Embedder-Policy"] = "require-corp";
                // Runs once authentication has run: a signed-in person's pages (their data) must not stay in any cache.
                // Responses that chose their own caching (static files with a fingerprint) keep it.
                if (context.User.Identity?.IsAuthenticated == true && !context.Response.Headers.ContainsKey("Cache-Control"))
                {
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.Headers.Pragma = "no-cache";
                }
                return Task.CompletedTask;
            });
            await next();
        });
}
