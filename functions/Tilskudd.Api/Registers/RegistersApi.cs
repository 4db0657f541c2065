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
    /// <summary>
    /// Forvaltningsloven § 6, before the officer acts: the organisation's roles in Enhetsregisteret held by someone of
    /// the signed-in officer's name, and whether the officer has declared themselves on the case. Names only.
    /// </summary>
    public static async Task<IResult> GetImpartialityCheck(Admitted caller, IOrganisationRoles roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(roles);
        string? number = caller.Application?.Form.Organisation?.Number;
        IReadOnlyList<Domain.People.RegisterRole> held;
        try
        {
            held = number is null ? [] : await roles.FindRolesAsync(number, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidDataException or Polly.ExecutionRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return Problems.Problem(StatusCodes.Status503ServiceUnavailable, "Enhetsregisteret svarer ikke", "Vi fikk ikke sjekket organisasjonens roller i Enhetsregisteret nå. Vurder habiliteten selv, eller prøv igjen om litt.", "register-unavailable");
        }

        var matches = Domain.People.Impartiality.OfficerNamedInTheOrganisationsRoles(held, caller.Caller.Name);
        return TypedResults.Ok(new ImpartialityCheck(
            caller.Caller.Name,
            [.. matches.Select(m => new ImpartialityMatch(m.Role, m.Name))],
            matches.Count == 0 ? null : $"Enhetsregisteret har {string.Join(" og ", matches.Select(m => $"{m.Name} som {m.Role.ToLower(System.Globalization.CultureInfo.GetCultureInfo("nb-NO"))}"))} i organisasjonen. Er det deg, er du inhabil (forvaltningsloven § 6). Erklær habiliteten din før du behandler saken."));
    }

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

/// <summary>What the desk shows before an officer acts on a case (forvaltningsloven § 6).</summary>
public sealed record ImpartialityCheck(string Officer, IReadOnlyList<ImpartialityMatch> Matches, string? Warning);

public sealed record ImpartialityMatch(string Role, string Name);
