using System.Text.Json.Serialization;
using Tilskudd.Domain.People;

namespace Tilskudd.Infrastructure.Registers;

/// <summary>Enhetsregisteret's answer to <c>GET enheter/{orgnr}/roller</c>: role groups, each with its roles.</summary>
public sealed record EnhetsregisteretRoles([property: JsonPropertyName("rollegrupper")] IReadOnlyList<EnhetsregisteretRoles.RoleGroup>? Groups)
{
    /// <summary>The persons in a current role (a resigned one, a deceased one or a unit in a role is left out).</summary>
    public IReadOnlyList<RegisterRole> Persons() =>
        [.. (Groups ?? []).SelectMany(g => g.Roles ?? [])
            .Where(r => r is { Resigned: not true, Person: { Dead: not true, Name: not null } })
            .Select(r => new RegisterRole(r.Type?.Description ?? r.Type?.Code ?? "", r.Person!.Name!.Full))];

    public sealed record RoleGroup([property: JsonPropertyName("roller")] IReadOnlyList<Role>? Roles);

    public sealed record Role(
        [property: JsonPropertyName("type")] RoleType? Type,
        [property: JsonPropertyName("person")] RolePerson? Person,
        [property: JsonPropertyName("fratraadt")] bool? Resigned);

    public sealed record RoleType([property: JsonPropertyName("kode")] string? Code, [property: JsonPropertyName("beskrivelse")] string? Description);

    public sealed record RolePerson([property: JsonPropertyName("navn")] PersonName? Name, [property: JsonPropertyName("erDoed")] bool? Dead);

    public sealed record PersonName(
        [property: JsonPropertyName("fornavn")] string? First,
        [property: JsonPropertyName("mellomnavn")] string? Middle,
        [property: JsonPropertyName("etternavn")] string? Last)
    {
        public string Full => string.Join(' ', new[] { First, Middle, Last }.Where(n => !string.IsNullOrWhiteSpace(n)));
    }
}
