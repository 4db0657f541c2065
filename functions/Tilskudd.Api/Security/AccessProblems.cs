using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tilskudd.Api.Http;
using Tilskudd.Domain.People;

namespace Tilskudd.Api.Security;

/// <summary>The answers of sign-in and access checks, in Norwegian.</summary>
public static class AccessProblems
{
    public static ProblemHttpResult SignInNeeded() => Problems.Problem(
        StatusCodes.Status401Unauthorized,
        "Du må logge inn",
        "Logg inn og send tokenet ditt i Authorization: Bearer <token>.",
        "sign-in-needed");

    public static ProblemHttpResult SignInRefused(string reason) => Problems.Problem(
        StatusCodes.Status401Unauthorized,
        "Innloggingen ble ikke godtatt",
        reason,
        "sign-in-refused");

    public static ProblemHttpResult Forbidden(Access access) => Problems.Problem(
        StatusCodes.Status403Forbidden,
        "Du har ikke tilgang",
        access switch
        {
            Access.Applicant => "Bare søkere kan sende søknader. Logg inn som søker.",
            Access.CaseApplicant => "Bare søkeren som sendte søknaden, eller som handler for organisasjonen, kan gjøre dette.",
            Access.CaseParty => "Bare søkeren og saksbehandlere i kommunen som eier tilskuddsrunden, kan se dette.",
            Access.Officer => "Bare saksbehandlere og besluttere i kommunen som eier tilskuddsrunden, kan gjøre dette.",
            Access.Administrator => "Bare administratorer i kommunen kan gjøre dette.",
            _ => "Du har ikke tilgang til dette.",
        },
        "forbidden");
}
