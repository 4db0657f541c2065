using Microsoft.AspNetCore.Http;
using Tilskudd.Api.Http;
using Tilskudd.Api.Security;
using Tilskudd.Domain.Applications;
using Tilskudd.Domain.Cases;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Api.Registers;

/// <summary>
/// What Enhetsregisteret says of an organisation number, for the form to fill in the name as the applicant types
/// the number ("name filled from the register when known"). Eligibility is not judged here: the case asks the
/// register again after the submit and the decider judges what it finds.
/// </summary>
public static class RegistersApi
{
    public static async Task<IResult> GetOrganisation(string number, IOrganisationRegister register, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(register);
        if (!OrganisationNumber.TryParse(number, out var organisation))
        {
            return Problems.BadRequest("Ugyldig organisasjonsnummer", $"«{Shown(number)}» er ikke et gyldig organisasjonsnummer (9 siffer med riktig kontrollsiffer).", "organisation-number-invalid");
        }

        RegisterFacts? facts;
        try
        {
            facts = await register.FindAsync(organisation.Digits, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidDataException or Polly.ExecutionRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return Problems.Problem(StatusCodes.Status503ServiceUnavailable, "Enhetsregisteret svarer ikke", "Vi fikk ikke svar fra Enhetsregisteret nå. Skriv navnet selv, eller prøv igjen om litt.", "register-unavailable");
        }

        return facts is null
            ? Problems.NotFound($"Enhetsregisteret kjenner ikke organisasjonsnummer {organisation.Formatted}.", "organisation-not-found")
            : TypedResults.Ok(new
            {
                Number = facts.OrganisationNumber,
                facts.Name,
                facts.InFrivillighetsregisteret,
                facts.KommuneNumber,
                facts.FoundedOn,
                facts.Deleted,
                facts.Bankrupt,
                facts.OrganisationForm,
            });
    }

    static string Shown(string? text) => text is null ? "" : text.Length > 20 ? text[..20] + "…" : text;
}
