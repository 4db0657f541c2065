using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Cases;

/// <summary>
/// What the Brønnøysund registers say of an organisation (Enhetsregisteret with its Frivillighetsregisteret flag).
/// </summary>
/// <param name="KommuneNumber">The business address's kommune number (Oslo 0301, Alta 5603).</param>
/// <param name="Deleted">Deleted from Enhetsregisteret (slettet).</param>
/// <param name="Bankrupt">Under bankruptcy (konkurs).</param>
/// <param name="OrganisationForm">The organisasjonsform code (FLI forening/lag/innretning, STI stiftelse, AS aksjeselskap …).</param>
public sealed record RegisterFacts(
    string OrganisationNumber,
    string Name,
    bool InFrivillighetsregisteret,
    string? KommuneNumber,
    DateOnly? FoundedOn,
    bool Deleted,
    bool Bankrupt,
    string? OrganisationForm = null)
{
    /// <summary>
    /// The eligibility command for a round. A deleted or bankrupt organisation counts as not registered:
    /// "Alle tilskuddsmottakere må være registrert i Frivillighetsregisteret og registrert i kommunen".
    /// An organisation the register does not know (null) meets neither requirement.
    /// </summary>
    public static CheckEligibility ToCommand(RegisterFacts? facts, Round round)
    {
        ArgumentNullException.ThrowIfNull(round);
        bool active = facts is { Deleted: false, Bankrupt: false };
        return new CheckEligibility(
            Actor.System("register"),
            InFrivillighetsregisteret: active && facts!.InFrivillighetsregisteret,
            RegisteredInKommune: active && facts!.KommuneNumber == round.Owner.KommuneNumber,
            FoundedOn: facts?.FoundedOn,
            OrganisationForm: facts?.OrganisationForm);
    }
}
