using Microsoft.AspNetCore.Http;

namespace Tilskudd.Api.Security;

/// <summary>
/// The headers every answer carries, pages and Api alike, set by each host just before the answer starts (the
/// pages set their own, wider Content-Security-Policy first): nothing may frame us, no type sniffing, no referrer,
/// and Api answers, which hold personal data, are never cached.
/// </summary>
public static class SecurityHeaders
{
    const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    public static void Apply(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = ApiContentSecurityPolicy;
        }

        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || context.Request.Path.StartsWithSegments("/dev/token", StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = "no-store";
        }
    }

    /// <summary>Sets the headers when the answer starts, whatever wrote it (handler, problem, 404).</summary>
    public static void OnStarting(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
    }
}
