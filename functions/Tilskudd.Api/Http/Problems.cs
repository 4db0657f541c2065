using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

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

    public static ProblemHttpResult Problem(int status, string title, string detail, string code) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: Code(code));

    static Dictionary<string, object?> Code(string code) => new() { ["code"] = code };
}
