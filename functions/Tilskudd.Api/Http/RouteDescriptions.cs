using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tilskudd.Api;

/// <summary>What the OpenAPI document tells of a route beyond the table's tag and summary: request bodies, and the commands' description.</summary>
public static class RouteDescriptions
{
    public const string Applicant = "Søker";
    public const string Caseworker = "Saksbehandler og beslutter";
    public const string Reading = "Saker";
    public const string Json = "application/json";
    public const string Multipart = "multipart/form-data";

    public const string CommandDescription =
        "Send Authorization: Bearer <token>; Idempotency-Key gjør kommandoen trygg å sende igjen. " +
        "200 med utfallet, 202 med Location mens saken behandler den; 400/403/409 problem+json med norsk tekst og code når den avvises.";

    /// <summary>
    /// The problem+json answers a route may give: 401 and 403 where a sign-in is needed, 404 where the route names an
    /// application, a round or a kommune, 400 where it takes a body, 409 where a case command meets the case's state.
    /// </summary>
    public static IEnumerable<int> ProblemsOf(ApiRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (route.Method == "POST")
        {
            yield return StatusCodes.Status400BadRequest;
        }

        if (route.Access != Domain.People.Access.Anyone)
        {
            yield return StatusCodes.Status401Unauthorized;
            yield return StatusCodes.Status403Forbidden;
        }

        if (route.Pattern.Contains('{', StringComparison.Ordinal))
        {
            yield return StatusCodes.Status404NotFound;
        }

        if (route.Tag is Applicant or Caseworker)
        {
            yield return StatusCodes.Status409Conflict;
        }
    }

    /// <summary>
    /// The request body in the OpenAPI document only. Accepts&lt;T&gt;(contentType) would also make endpoint routing
    /// answer another content type with a bare 415 before the handler (and the admission step) runs, where the
    /// Functions host answers the handler's Norwegian 400.
    /// </summary>
    public static RouteHandlerBuilder Documents<T>(this RouteHandlerBuilder builder, string contentType) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            operation.RequestBody = new OpenApiRequestBody
            {
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [contentType] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken) },
                },
            });

    /// <summary>A multipart form's fields and files, as the OpenAPI document shows them.</summary>
    public sealed record MultipartBody(string? Answer, long? AmountUsed, IFormFileCollection? Files);
}
