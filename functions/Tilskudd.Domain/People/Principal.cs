namespace Tilskudd.Domain.People;

/// <summary>The roles of the sign-in contract, as the token's "roles" claim names them.</summary>
public static class Roles
{
    public const string Applicant = "applicant";
    public const string Caseworker = "caseworker";
    public const string DecisionMaker = "decisionMaker";
    public const string Administrator = "administrator";

    public static IReadOnlyList<string> All { get; } = [Applicant, Caseworker, DecisionMaker, Administrator];
}

/// <summary>
/// The signed-in person: id ("sub"), name, roles, the organisations an applicant acts for ("org": none for a
/// private person) and the kommuner a caseworker, decision maker or administrator works for ("kommune").
/// </summary>
public sealed record Principal(string Id, string Name, IReadOnlySet<string> Roles, IReadOnlyList<string> Organisations, IReadOnlyList<string> Kommuner)
{
    public bool Is(string role) => Roles.Contains(role);

    public bool WorksFor(string kommuneNumber) => Kommuner.Contains(kommuneNumber, StringComparer.Ordinal);

    /// <summary>True when the org claims hold the number (as typed in a form: "912 345 688" is 912345688).</summary>
    public bool ActsFor(string? organisationNumber) =>
        organisationNumber is not null && Organisations.Contains(new string([.. organisationNumber.Where(c => !char.IsWhiteSpace(c))]), StringComparer.Ordinal);

    /// <summary>An applicant without an org claim: a private person who typed the organisation number in the form.</summary>
    public bool IsPrivatePerson => Is(People.Roles.Applicant) && Organisations.Count == 0;
}
