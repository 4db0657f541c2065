using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tilskudd.Domain.Cases;

namespace Tilskudd.Api.Http;

/// <summary>
/// The one shape of every error answer: application/problem+json with a Norwegian title and
/// detail, a stable machine-readable code, and per-field messages where a form was wrong.
/// </summary>
public static class Problems
{
    public static ValidationProblem Validation(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors,
        title: "Søknaden har feil som må rettes",
        detail: "Se feltene under. Ingenting er lagret.",
        type: "https://tilskudd.example.org/problemer/ugyldig-soknad",
        extensions: Code("invalid-application"));

    public static ProblemHttpResult NotFound(string detail, string code) =>
        Problem(StatusCodes.Status404NotFound, "Fant ikke det du ba om", detail, code);

    public static ProblemHttpResult Conflict(string title, string detail, string code) =>
        Problem(StatusCodes.Status409Conflict, title, detail, code);

    public static ProblemHttpResult Unprocessable(string title, string detail, string code) =>
        Problem(StatusCodes.Status422UnprocessableEntity, title, detail, code);

    public static ProblemHttpResult TooLarge(string detail) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Søknaden er for stor", detail, "too-large");

    public static ProblemHttpResult BadRequest(string title, string detail, string code) =>
        Problem(StatusCodes.Status400BadRequest, title, detail, code);

    /// <summary>
    /// A refused command as problem+json: the rule's Norwegian reason, its code, and the status of its kind, the one place a
    /// domain error becomes a status. Invalid (what was sent) is 400, forbidden (the sender's role) 403, conflict (where
    /// the case stands: it may succeed at another time) 409, not found 404.
    /// </summary>
    public static ProblemHttpResult Refused(DomainErrorKind kind, string code, string message, string? commandId)
    {
        var (status, title) = kind switch
        {
            DomainErrorKind.Forbidden => (StatusCodes.Status403Forbidden, "Du har ikke lov til dette"),
            DomainErrorKind.Conflict => (StatusCodes.Status409Conflict, "Dette kan ikke gjøres nå"),
            DomainErrorKind.NotFound => (StatusCodes.Status404NotFound, "Fant ikke det du ba om"),
            _ => (StatusCodes.Status400BadRequest, "Forespørselen er ikke gyldig"),
        };
        var extensions = Code(code);
        if (commandId is not null)
        {
            extensions["commandId"] = commandId;
        }

        return TypedResults.Problem(detail: message, statusCode: status, title: title, extensions: extensions);
    }

    public static ProblemHttpResult Problem(int status, string title, string detail, string code) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: Code(code));

    static Dictionary<string, object?> Code(string code) => new() { ["code"] = code };
}
