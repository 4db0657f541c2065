namespace Tilskudd.Domain.Templates;

/// <summary>
/// The mail and letter templates, one Liquid file per purpose in Templates/Files ("{id}.liquid").
/// Each file's first line is the subject; the text after the next blank line is the body.
/// </summary>
public static class TemplateIds
{
    /// <summary>Receipt with the reference number, sent at once when an application is submitted.</summary>
    public const string Kvittering = "kvittering";

    /// <summary>Request for more information with a reply deadline.</summary>
    public const string Mangelbrev = "mangelbrev";

    /// <summary>Foreløpig svar (forvaltningsloven § 11 a): the application is not decided a month after the deadline; why, and when to expect the answer.</summary>
    public const string ForelopigSvar = "forelopig-svar";

    public const string VedtakInnvilget = "vedtak-innvilget";
    public const string VedtakDelvisInnvilget = "vedtak-delvis-innvilget";
    public const string VedtakAvslag = "vedtak-avslag";

    /// <summary>The grant letter with its terms (vilkår), to be accepted by a deadline.</summary>
    public const string Tilskuddsbrev = "tilskuddsbrev";

    public const string PaminnelseAksept = "paminnelse-aksept";
    public const string Utbetalingsmelding = "utbetalingsmelding";
    public const string Rapportpaminnelse = "rapportpaminnelse";

    /// <summary>Overdue notice for a report not received.</summary>
    public const string Purring = "purring";

    public const string Tilbakebetalingskrav = "tilbakebetalingskrav";
    public const string KlageMottatt = "klage-mottatt";
    public const string Klagevedtak = "klagevedtak";

    /// <summary>The klageinstans's final decision on the appeal, as the kommune registered it.</summary>
    public const string KlageinstansVedtak = "klageinstans-vedtak";

    /// <summary>Answer to a request to change what the grant is for (written consent, or not).</summary>
    public const string SvarEndring = "svar-endring";

    /// <summary>The templates that are letters as well as mails: rendered to PDF, kept beside the case and attached to the mail.</summary>
    public static IReadOnlySet<string> Letters { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        VedtakInnvilget, VedtakDelvisInnvilget, VedtakAvslag, Tilskuddsbrev, Tilbakebetalingskrav, Klagevedtak,
    };

    public static IReadOnlyList<string> All { get; } =
    [
        Kvittering, Mangelbrev, ForelopigSvar, VedtakInnvilget, VedtakDelvisInnvilget, VedtakAvslag, Tilskuddsbrev,
        PaminnelseAksept, Utbetalingsmelding, Rapportpaminnelse, Purring, Tilbakebetalingskrav, KlageMottatt, Klagevedtak, KlageinstansVedtak, SvarEndring,
    ];
}
