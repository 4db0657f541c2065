using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Tilskudd.Domain.People;

namespace Tilskudd.Api.Cases;

/// <summary>
/// The OpenAPI document of every route at /openapi/v1.json, and a small page to try the case commands
/// (/openapi/try) served from the assembly with nothing fetched from the internet.
/// </summary>
public static class ApiDocument
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string TryPath = "/openapi/try";

    /// <summary>The one security scheme: a bearer token from ID-porten, Entra ID or the development sign-in.</summary>
    public const string BearerScheme = "bearer";

    static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Tilskuddsrunder"] = "Ordningene og rundene deres: frister, delmål, kriterier og beløpsgrenser.",
        ["Søknader"] = "Å sende en søknad, sjekke et utkast og lese søknadene sine.",
        [RouteDescriptions.Applicant] = "Søkerens kommandoer på sin sak.",
        [RouteDescriptions.Caseworker] = "Saksbehandlernes og beslutternes kommandoer.",
        [RouteDescriptions.Reading] = "Lister, ramme, historikk og utfall av kommandoer.",
        ["Brev"] = "Sakens brev som PDF.",
        ["Utbetalinger"] = "Betalingsfiler og bankens bekreftelser.",
        ["Rapporter og eksport"] = "Eksport, tall til IMDi, statistikk og åpne data.",
        ["Administrasjon"] = "Å åpne runder og slette personopplysninger.",
    };

    public static IServiceCollection AddTilskuddOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Tilskudd";
                document.Info.Description = "Søknader om tilskudd og sakene deres: søkerens og saksbehandlernes kommandoer, lister, ramme og historikk.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "Authorization: Bearer <token> fra innloggingen (ID-porten for søkere, Entra ID for kommunens ansatte).",
                };
                document.Tags = new HashSet<OpenApiTag>(TagDescriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
                foreach (var server in document.Servers ?? [])
                {
                    server.Url = server.Url?.TrimEnd('/');
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiRoute>().FirstOrDefault() is not { } route)
                {
                    return Task.CompletedTask;
                }

                DescribePathParameters(operation, route);
                operation.Security = route.Access == Access.Anyone
                    ? []
                    : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
                return Task.CompletedTask;
            });
        });

    /// <summary>Every {name} of the route's pattern as a path parameter, whether or not its handler takes it (the admitted caller carries it).</summary>
    static void DescribePathParameters(OpenApiOperation operation, ApiRoute route)
    {
        foreach (var name in RouteParameters(route.Pattern))
        {
            operation.Parameters ??= [];
            if (!operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == name))
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Path,
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
        }
    }

    static IEnumerable<string> RouteParameters(string pattern) =>
        pattern.Split('/').Where(part => part.StartsWith('{') && part.EndsWith('}')).Select(part => part[1..^1]);

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
