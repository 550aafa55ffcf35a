namespace IQLearning.Web.Infrastructure;

/// <summary>Response headers every page carries: no inline script, no framing, no MIME sniffing, no referrer leak.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, params string[] pathsWithOwnPolicy) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers["X-Content-Type-Options"] = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["X-Frame-Options"] = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            // The Hangfire dashboard ships inline scripts of its own; it is for administrators only.
            if (!pathsWithOwnPolicy.Any(p => context.Request.Path.StartsWithSegments(p)))
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            await next();
        });
}
