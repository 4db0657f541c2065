namespace Tilskudd.Domain.People;

/// <summary>Who may use a route of the product: every route names one, so no route exists without a rule (<see cref="CaseAccess"/>).</summary>
public enum Access
{
    /// <summary>Anyone, signed in or not: the round listing and a round's page.</summary>
    Anyone,

    /// <summary>Any applicant (on behalf of an organisation, or a private person): submitting an application.</summary>
    Applicant,

    /// <summary>The application's applicant: someone acting for its organisation, or the private person who sent it.</summary>
    CaseApplicant,

    /// <summary>The application's applicant, or a caseworker or decision maker of the round's kommune.</summary>
    CaseParty,

    /// <summary>A caseworker or decision maker of the round's kommune.</summary>
    Officer,

    /// <summary>An administrator of the round's kommune: opening rounds, erasure.</summary>
    Administrator,
}
