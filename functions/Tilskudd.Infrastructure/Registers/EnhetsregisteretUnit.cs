using System.Text.Json.Serialization;
using Tilskudd.Domain.Cases;

namespace Tilskudd.Infrastructure.Registers;

/// <summary>The fields we read of a unit (enhet) as Enhetsregisteret's open-data API answers for it.</summary>
public sealed record EnhetsregisteretUnit(
    [property: JsonPropertyName("organisasjonsnummer")] string Organisasjonsnummer,
    [property: JsonPropertyName("navn")] string Navn,
    [property: JsonPropertyName("registrertIFrivillighetsregisteret")] bool RegistrertIFrivillighetsregisteret,
    [property: JsonPropertyName("stiftelsesdato")] DateOnly? Stiftelsesdato,
    [property: JsonPropertyName("forretningsadresse")] EnhetsregisteretAddress? Forretningsadresse,
    [property: JsonPropertyName("konkurs")] bool Konkurs,
    [property: JsonPropertyName("slettedato")] DateOnly? Slettedato)
{
    public RegisterFacts ToFacts() => new(
        Organisasjonsnummer, Navn, RegistrertIFrivillighetsregisteret, Forretningsadresse?.Kommunenummer, Stiftelsesdato,
        Deleted: Slettedato is not null, Bankrupt: Konkurs);
}

public sealed record EnhetsregisteretAddress([property: JsonPropertyName("kommunenummer")] string? Kommunenummer);
