using System.Globalization;
using System.Text;

namespace Tilskudd.Domain.People;

/// <summary>A person the register names in one of the organisation's roles (Enhetsregisteret's <c>roller</c>): styreleder, daglig leder, styremedlem, kontaktperson.</summary>
public sealed record RegisterRole(string Role, string Name);

/// <summary>
/// Forvaltningsloven § 6: an officer is disqualified when they lead or sit on the board of a party to the case
/// (first paragraph e) or other special circumstances weaken trust in their impartiality (second paragraph). The
/// product cannot know a person, only a name: when the organisation's roles name someone of the officer's name, the
/// desk warns before the officer acts and asks for their declaration.
/// </summary>
public static class Impartiality
{
    /// <summary>
    /// The roles held by someone of the officer's name: the same first and last name, in any case, whatever middle
    /// names either has. Names only; nothing is kept.
    /// </summary>
    public static IReadOnlyList<RegisterRole> OfficerNamedInTheOrganisationsRoles(IEnumerable<RegisterRole> roles, string? officerName)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var officer = Words(officerName);
        if (officer.Length < 2)
        {
            return [];
        }

        return [.. roles.Where(r => Words(r.Name) is { Length: >= 2 } name && name[0] == officer[0] && name[^1] == officer[^1])];
    }

    static string[] Words(string? name) =>
        (name ?? "").Normalize(NormalizationForm.FormC).ToLower(CultureInfo.GetCultureInfo("nb-NO"))
            .Split([' ', '\t', '\n', '\u00a0'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
