using Tilskudd.Domain.People;

namespace Tilskudd.Domain.Tests.People;

public class ImpartialityTests
{
    static readonly RegisterRole[] Roles =
    [
        new("Styrets leder", "Kari Testesen"),
        new("Styremedlem", "Ingrid Marie Eksempel"),
        new("Daglig leder", "Per Prøvesen"),
    ];

    [Theory]
    [InlineData("Kari Testesen", "Styrets leder")]
    [InlineData("kari  testesen", "Styrets leder")]
    [InlineData("Ingrid Eksempel", "Styremedlem")]
    [InlineData("Per Olav Prøvesen", "Daglig leder")]
    public void OfficerNamedInTheOrganisationsRoles_finds_the_same_first_and_last_name(string officer, string role)
    {
        // Forvaltningsloven § 6 første ledd e: leder eller medlem av styret i en organisasjon som er part i saken.
        Assert.Equal([role], Impartiality.OfficerNamedInTheOrganisationsRoles(Roles, officer).Select(r => r.Role));
    }

    [Theory]
    [InlineData("Kari Hansen")]
    [InlineData("Testesen")]
    [InlineData("")]
    [InlineData(null)]
    public void OfficerNamedInTheOrganisationsRoles_finds_nobody_of_another_name(string? officer) =>
        Assert.Empty(Impartiality.OfficerNamedInTheOrganisationsRoles(Roles, officer));
}
