using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tilskudd.Api;

namespace Tilskudd.Functions.Pages;

/// <summary>
/// The web pages and their assets (<see cref="ApplicantPages"/>) from one catch-all function. host.json's
/// routePrefix is empty, so a page keeps the path it has in Tilskudd.Local ("/runder/alta-2027/sok") and
/// the Api's functions name their "api/..." routes in full; the host matches literal routes before this one.
/// </summary>
public static class PageFunctions
{
    /// <summary>The function's name; it has no <see cref="ApiRoutes"/> entry because it is no Api route.</summary>
    public const string Name = "Pages";

    [Function(Name)]
    public static IResult Pages(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{*path}")] HttpRequest request, string? path)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ApplicantPages.ServePath(request.HttpContext, path);
    }
}
