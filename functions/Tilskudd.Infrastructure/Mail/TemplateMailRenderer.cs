using System.Globalization;
using Tilskudd.Domain.Rounds;
using Tilskudd.Domain.Text;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Infrastructure.Mail;

/// <summary>Renders the workflow's mail requests with the domain's nb-NO templates.</summary>
public sealed class TemplateMailRenderer : IMailRenderer
{
    public (string Subject, string TextBody, string? HtmlBody) Render(string templateId, IReadOnlyDictionary<string, string> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        // INTERIM until the Liquid templates land: the receipt only.
        var round = RoundCatalog.ForYear(model["roundId"].Split('-')[0], int.Parse(model["roundId"].Split('-')[1], CultureInfo.InvariantCulture));
        long amount = long.Parse(model["amountAppliedFor"], CultureInfo.InvariantCulture);
        string subject = $"Kvittering for søknad {model["reference"]}";
        string text = $"""
            Vi har mottatt søknaden fra {model["organisationName"]} om tilskudd fra «{round.Title}» ({round.GrantYear}).

            Referansenummer: {model["reference"]}
            Omsøkt beløp: {NorwegianFormat.Kroner(amount)}

            Oppgi referansenummeret når du kontakter oss om søknaden.

            Vennlig hilsen
            {round.Owner.Unit}, {round.Owner.Kommune}
            {round.Owner.Email}
            """;
        return (subject, text, null);
    }
}
