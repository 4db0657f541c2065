using System.Globalization;
using Tilskudd.Domain.Rounds;

namespace Tilskudd.Domain.Templates;

/// <summary>
/// Models for the templates that are sent outside a case's decider (the receipt at intake), in the
/// flat text form <see cref="TemplateRenderer"/> reads. The case's own mails get their models from
/// the decider's effects.
/// </summary>
public static class MailModels
{
    /// <summary>The receipt's model: reference, organisation, round title, amount applied for, when, and whom to ask.</summary>
    public static Dictionary<string, string> Kvittering(string reference, string organisationName, Round round, long amountAppliedFor, DateTimeOffset submittedAt)
    {
        ArgumentNullException.ThrowIfNull(round);
        return new(StringComparer.Ordinal)
        {
            ["reference"] = reference,
            ["organisationName"] = organisationName,
            ["roundTitle"] = round.Title,
            ["amountAppliedFor"] = Amount(amountAppliedFor),
            ["submittedAt"] = Instant(submittedAt),
            ["contactEmail"] = round.Owner.Email,
            ["unit"] = round.Owner.Unit,
            ["kommune"] = round.Owner.Kommune,
        };
    }

    /// <summary>Whole kroner as the templates' <c>kroner</c> filter reads them.</summary>
    public static string Amount(long kroner) => kroner.ToString(CultureInfo.InvariantCulture);

    /// <summary>A calendar date as the templates' <c>dato</c> filter reads it.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant as the templates' <c>dato</c> filter reads it (shown as its Oslo date).</summary>
    public static string Instant(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);
}
