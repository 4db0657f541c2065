namespace Tilskudd.Api;

/// <param name="Name">The endpoint's name, and the name of its Azure Function.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Pattern">Route pattern from the site root.</param>
public sealed record ApiRoute(string Name, string Method, string Pattern);

/// <summary>
/// Every HTTP route of the product, once. Both hosts map exactly these: Tilskudd.Local as
/// minimal API endpoints, Tilskudd.Functions as one HTTP-triggered function each (checked by test).
/// </summary>
public static class ApiRoutes
{
    public static readonly ApiRoute ListRounds = new(nameof(ListRounds), "GET", "/api/rounds");
    public static readonly ApiRoute GetRound = new(nameof(GetRound), "GET", "/api/rounds/{id}");
    public static readonly ApiRoute OpenRound = new(nameof(OpenRound), "POST", "/api/rounds");
    public static readonly ApiRoute SubmitApplication = new(nameof(SubmitApplication), "POST", "/api/rounds/{id}/applications");
    public static readonly ApiRoute GetApplication = new(nameof(GetApplication), "GET", "/api/applications/{reference}");

    public static IReadOnlyList<ApiRoute> All { get; } = [ListRounds, GetRound, OpenRound, SubmitApplication, GetApplication];
}
