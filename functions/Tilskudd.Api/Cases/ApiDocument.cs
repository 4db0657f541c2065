using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Tilskudd.Api.Cases;

/// <summary>
/// The OpenAPI document of every route at /openapi/v1.json, and a small page to try the case commands
/// (/openapi/try) served from the assembly with nothing fetched from the internet.
/// </summary>
public static class ApiDocument
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string TryPath = "/openapi/try";

    public static IServiceCollection AddTilskuddOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Tilskudd";
            document.Info.Description = "Søknader om tilskudd og sakene deres: søkerens og saksbehandlernes kommandoer, lister, ramme og historikk.";
            return Task.CompletedTask;
        }));

    /// <summary>Maps the document and the try page. The local host only: the Functions host has no endpoint routing for the document generator.</summary>
    public static IEndpointRouteBuilder MapApiDocument(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentPath).ExcludeFromDescription();
        app.MapGet(TryPath, (HttpResponse response) =>
        {
            response.Headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'";
            return TypedResults.Content(TryPage.Html, "text/html; charset=utf-8");
        }).ExcludeFromDescription();
        app.MapGet(TryPath + ".js", () => TypedResults.Content(TryPage.Script, "text/javascript; charset=utf-8")).ExcludeFromDescription();
        return app;
    }
}
