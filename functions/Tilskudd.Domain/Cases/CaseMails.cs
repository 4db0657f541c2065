using Tilskudd.Domain.Rounds;
using Tilskudd.Domain.Templates;

namespace Tilskudd.Domain.Cases;

/// <summary>The template models of a case's mails and letters, in the flat text form <see cref="TemplateRenderer"/> reads.</summary>
static class CaseMails
{
    public static Dictionary<string, string> Model(CaseState state, Round round, params (string Key, string Value)[] extra)
    {
        var model = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["reference"] = state.Reference,
            ["organisationName"] = state.OrganisationName,
            ["roundTitle"] = round.Title,
            ["grantYear"] = round.GrantYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["contactEmail"] = round.Owner.Email,
            ["unit"] = round.Owner.Unit,
            ["kommune"] = round.Owner.Kommune,
            ["decisionMaker"] = round.Owner.DecisionMaker,
            ["amountAppliedFor"] = MailModels.Amount(state.AmountAppliedFor),
            ["submittedAt"] = MailModels.Instant(state.SubmittedAt),
        };
        foreach (var (key, value) in extra)
        {
            model[key] = value;
        }

        return model;
    }

    public static string Lines(IEnumerable<string> lines) => string.Join('\n', lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()));

    public static string DecisionTemplate(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Granted => TemplateIds.VedtakInnvilget,
        DecisionOutcome.PartlyGranted => TemplateIds.VedtakDelvisInnvilget,
        DecisionOutcome.Rejected => TemplateIds.VedtakAvslag,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
