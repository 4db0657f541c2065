using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Tilskudd.Api;

/// <summary>
/// The applicant's web pages: static HTML shells, one stylesheet and small script modules,
/// embedded in this assembly. The pages read everything they show from the Api
/// (<c>/api/rounds</c>, <c>/api/applications</c>), so a host serves them without a build step.
/// </summary>
public static class ApplicantPages
{
    /// <summary>Where the stylesheet and scripts are served from.</summary>
    public const string AssetPrefix = "/ressurser/";

    // Scripts and styles only from files of our own origin (no inline script), no framing.
    const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

    static readonly Assembly Assembly = typeof(ApplicantPages).Assembly;
    const string ResourcePrefix = "Tilskudd.Api.Pages.Files.";

    static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The files that can be served, by file name: only what is embedded, nothing from disk.</summary>
    static readonly FrozenDictionary<string, byte[]> Files = LoadFiles();

    /// <summary>Page routes and the HTML file each serves.</summary>
    public static IReadOnlyList<(string Pattern, string File)> Routes { get; } =
    [
        ("/", "forside.html"),
        ("/runder/{id}", "runde.html"),
        ("/runder/{id}/sok", "sok.html"),
        ("/kvittering/{reference}", "kvittering.html"),
        ("/mine-soknader", "mine.html"),
        ("/saksbehandling", "desk.html"),
        ("/saksbehandling/runder/{id}", "oversikt.html"),
        ("/saksbehandling/runder/{id}/vedtaksmote", "mote.html"),
        ("/saksbehandling/saker/{reference}", "sak.html"),
        (SignInPath, SignInPage),
    ];

    /// <summary>
    /// Sign-in before sending: in Development a chooser that fetches a token from /dev/token; elsewhere a
    /// redirect to App Service authentication, which signs in and comes back to the page.
    /// </summary>
    public const string SignInPath = "/logg-inn";

    const string SignInPage = "logg-inn.html";

    /// <summary>Maps the applicant's pages and their assets.</summary>
    public static IEndpointRouteBuilder MapApplicantPages(this IEndpointRouteBuilder app)
    {
        foreach (var (pattern, file) in Routes)
        {
            app.MapGet(pattern, (HttpContext context) => Serve(context, file)).ExcludeFromDescription();
        }

        app.MapGet(AssetPrefix + "{file}", (string file, HttpContext context) => Serve(context, file)).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Serves one embedded file with the pages' security headers, or 404. Both hosts call this:
    /// the Functions host from one HTTP function per page route.
    /// </summary>
    public static IResult Serve(HttpContext context, string file)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (file == SignInPage && context.RequestServices?.GetService<IHostEnvironment>()?.IsDevelopment() != true)
        {
            string back = context.Request.Query["tilbake"].FirstOrDefault() is { } path && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal) ? path : "/";
            return TypedResults.Redirect("/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(back));
        }

        if (!Files.TryGetValue(file, out byte[]? content) || !ContentTypes.TryGetValue(Path.GetExtension(file), out string? contentType))
        {
            return PageNotFound();
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        // Pages and scripts change with each release; revalidating is cheap next to a stale form.
        headers.CacheControl = "no-cache";
        return TypedResults.Bytes(content, contentType);
    }

    /// <summary>
    /// Serves whatever page or asset a path names, or 404: for a host that routes every path to
    /// one function (the Functions host's catch-all route) instead of mapping <see cref="Routes"/>.
    /// </summary>
    public static IResult ServePath(HttpContext context, string? path)
    {
        string[] segments = (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is [var folder, var file] && "/" + folder + "/" == AssetPrefix)
        {
            return Serve(context, file);
        }

        foreach (var (pattern, page) in Routes)
        {
            string[] parts = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == segments.Length && parts.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second))
            {
                return Serve(context, page);
            }
        }

        return PageNotFound();
    }

    static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult PageNotFound() => Http.Problems.NotFound("Siden eller filen finnes ikke. Se forsiden for alle tilskuddsrundene.", "page-not-found");

    static FrozenDictionary<string, byte[]> LoadFiles()
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string name in Assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = Assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files[name[ResourcePrefix.Length..]] = copy.ToArray();
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
