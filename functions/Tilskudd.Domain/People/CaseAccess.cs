using Tilskudd.Domain.Cases;

namespace Tilskudd.Domain.People;

/// <summary>As whom a signed-in person acts on a case by a route: by their roles, or as the decision maker (the decision).</summary>
public enum ActingAs
{
    /// <summary>By the person's roles: an applicant as the organisation, a caseworker as caseworker, a decision maker alone as decision maker.</summary>
    TheirRole,

    /// <summary>The decision (vedtak): a caseworker who is also decision maker makes it as decision maker.</summary>
    DecisionMaker,
}

/// <summary>The two ways to apply, as a case remembers them: for the organisation (its number), or as the private person who sent it.</summary>
/// <param name="OrganisationNumber">The organisation number as typed in the form.</param>
/// <param name="SubmittedBy">The sender's sign-in id.</param>
public sealed record ApplicationParties(string? OrganisationNumber, string? SubmittedBy);

/// <summary>
/// Every rule about who may do what to a case or a round, in one place: who may ever use a kind of route, who may
/// use it on a given application or kommune, who counts as the applicant of a case, what the applicant sees, and as
/// whom a person acts. The edge asks these; the decider's own role rules (<see cref="CaseRules"/>) then judge the command.
/// </summary>
public static class CaseAccess
{
    /// <summary>Caseworkers and decision makers handle cases; both are officers of their kommune.</summary>
    public static bool IsOfficer(Principal principal) => principal?.Is(Roles.Caseworker) == true || principal?.Is(Roles.DecisionMaker) == true;

    /// <summary>Whether a person's roles ever let them use a route of this kind, whatever it concerns.</summary>
    public static bool MayEverUse(Principal principal, Access access)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return access switch
        {
            Access.Applicant or Access.CaseApplicant => principal.Is(Roles.Applicant),
            Access.CaseParty => principal.Is(Roles.Applicant) || IsOfficer(principal),
            Access.Officer => IsOfficer(principal),
            Access.Administrator => principal.Is(Roles.Administrator),
            _ => true,
        };
    }

    /// <summary>Whether the person may use a route of this kind on this application and kommune.</summary>
    /// <param name="kommune">The kommune whose round, application or payouts the request concerns; null for none (submitting, opening a round).</param>
    public static bool MayUse(Principal principal, Access access, ApplicationParties? application, string? kommune)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return access switch
        {
            Access.CaseApplicant => application is not null && IsTheApplicantOf(principal, application),
            Access.CaseParty => application is not null && (IsTheApplicantOf(principal, application) || (IsOfficer(principal) && kommune is not null && principal.WorksFor(kommune))),
            Access.Officer or Access.Administrator => kommune is null || principal.WorksFor(kommune),
            _ => true,
        };
    }

    /// <summary>
    /// The seeds' two ways to apply: on behalf of the organisation (its people see all its applications), or
    /// as a private person who typed the organisation number (who sees only what they sent themselves).
    /// </summary>
    public static bool IsTheApplicantOf(Principal principal, ApplicationParties application)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(application);
        return principal.Is(Roles.Applicant) && (principal.IsPrivatePerson
            ? application.SubmittedBy is not null && application.SubmittedBy == principal.Id
            : principal.ActsFor(application.OrganisationNumber));
    }

    /// <summary>The kommune's working notes and the read log are the officers'; the applicant sees the case's timeline without them.</summary>
    public static bool SeesTheKommunesWorkingNotes(Principal principal) => IsOfficer(principal);

    /// <summary>
    /// The actor a signed-in person is on a case: an applicant acts as the organisation; a caseworker who is also a
    /// decision maker acts as caseworker, except on a route that acts <see cref="ActingAs.DecisionMaker"/> (the decision).
    /// </summary>
    public static Actor ActorOnTheCase(Principal principal, ActingAs actingAs)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var role = principal switch
        {
            _ when principal.Is(Roles.Applicant) && !IsOfficer(principal) => ActorRole.Organisation,
            _ when principal.Is(Roles.DecisionMaker) && (actingAs == ActingAs.DecisionMaker || !principal.Is(Roles.Caseworker)) => ActorRole.DecisionMaker,
            _ when principal.Is(Roles.Caseworker) => ActorRole.Caseworker,
            _ => ActorRole.Organisation,
        };
        return new Actor(role, principal.Id);
    }
}
