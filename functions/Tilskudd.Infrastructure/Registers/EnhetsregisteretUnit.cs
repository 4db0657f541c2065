using System.Text.Json.Serialization;
using Tilskudd.Domain.Cases;

namespace Tilskudd.Infrastructure.Registers;

/// <summary>
/// The fields we read of a unit (enhet) as Enhetsregisteret's open-data API answers
/// <c>GET /enhetsregisteret/api/enheter/{orgnr}</c>; the API sends many more, which are ignored.
/// A deleted unit is answered with 410 Gone and a body carrying its <c>slettedato</c>.
/// </summary>
public sealed record EnhetsregisteretUnit(
    [property: JsonPropertyName("organisasjonsnummer")] string Organisasjonsnummer,
    [property: JsonPropertyName("navn")] string? Navn,
    [property: JsonPropertyName("organisasjonsform")] EnhetsregisteretCode? Organisasjonsform,
    [property: JsonPropertyName("registrertIFrivillighetsregisteret")] bool RegistrertIFrivillighetsregisteret,
    [property: JsonPropertyName("stiftelsesdato")] DateOnly? Stiftelsesdato,
    [property: JsonPropertyName("forretningsadresse")] EnhetsregisteretAddress? Forretningsadresse,
    [property: JsonPropertyName("konkurs")] bool Konkurs,
    [property: JsonPropertyName("underAvvikling")] bool UnderAvvikling,
    [property: JsonPropertyName("underTvangsavviklingEllerTvangsopplosning")] bool UnderTvangsavviklingEllerTvangsopplosning,
    [property: JsonPropertyName("slettedato")] DateOnly? Slettedato)
{
    /// <summary>
    /// The facts the decider judges. A unit being wound up (under avvikling, voluntarily or by force) is counted
    /// with the bankrupt: it cannot carry out a project the grant pays for.
    /// </summary>
    public RegisterFacts ToFacts() => new(
        Organisasjonsnummer, Navn ?? "", RegistrertIFrivillighetsregisteret, Forretningsadresse?.Kommunenummer, Stiftelsesdato,
        Deleted: Slettedato is not null,
        Bankrupt: Konkurs || UnderAvvikling || UnderTvangsavviklingEllerTvangsopplosning,
        OrganisationForm: Organisasjonsform?.Kode);
}

public sealed record EnhetsregisteretAddress([property: JsonPropertyName("kommunenummer")] string? Kommunenummer);

/// <summary>A coded value such as <c>organisasjonsform</c> (kode FLI, beskrivelse "Forening/lag/innretning").</summary>
public sealed record EnhetsregisteretCode(
    [property: JsonPropertyName("kode")] string Kode,
    [property: JsonPropertyName("beskrivelse")] string? Beskrivelse);
