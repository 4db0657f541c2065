using Tilskudd.Domain.Rounds;
using Tilskudd.Domain.Templates;

namespace Tilskudd.Domain.Tests.Templates;

public class TemplateRendererTests
{
    static readonly Round Alta2024 = RoundCatalog.ForYear("alta", 2024);

    static Dictionary<string, string> KvitteringModel() => MailModels.Kvittering(
        "ALT-2024-0042", "Flerkulturell testforening", Alta2024, 45_000, new DateTimeOffset(2024, 4, 14, 23, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Kvittering_matches_its_snapshot() =>
        Snapshot.Matches(TemplateIds.Kvittering, TemplateRenderer.Render(TemplateIds.Kvittering, KvitteringModel()));

    [Fact]
    public void Kvittering_names_the_reference_number_in_subject_and_body()
    {
        var mail = TemplateRenderer.Render(TemplateIds.Kvittering, KvitteringModel());

        Assert.Equal("Kvittering for søknad ALT-2024-0042", mail.Subject);
        Assert.Contains("Referansenummer: ALT-2024-0042", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Amounts_read_as_kroner_with_spaces_between_thousands() =>
        Assert.Contains("Omsøkt beløp: kr 45 000", TemplateRenderer.Render(TemplateIds.Kvittering, KvitteringModel()).TextBody, StringComparison.Ordinal);

    [Fact]
    public void An_instant_is_shown_as_its_date_in_Oslo()
    {
        // 23:30 UTC on 14 April is 01:30 on 15 April in Oslo (summer time).
        var mail = TemplateRenderer.Render(TemplateIds.Kvittering, KvitteringModel());

        Assert.Contains("Søknaden ble sendt inn: 15. april 2024", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_without_a_value_the_template_reads_is_refused()
    {
        var model = KvitteringModel();
        model.Remove("contactEmail");

        Assert.Throws<InvalidOperationException>(() => TemplateRenderer.Render(TemplateIds.Kvittering, model));
    }

    [Fact]
    public void An_unknown_template_is_refused() =>
        Assert.Throws<ArgumentException>(() => TemplateRenderer.Render("finnes-ikke", KvitteringModel()));

    [Fact]
    public void Html_body_encodes_the_text()
    {
        var model = KvitteringModel();
        model["organisationName"] = "Forening <Øst> & Vest";

        var mail = TemplateRenderer.Render(TemplateIds.Kvittering, model);

        Assert.Contains("Forening &lt;Øst&gt; &amp; Vest", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Forening <Øst> & Vest", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_that_differs_fails()
    {
        var model = KvitteringModel();
        model["reference"] = "ALT-2024-9999";
        var mail = TemplateRenderer.Render(TemplateIds.Kvittering, model);

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Snapshot.Matches(TemplateIds.Kvittering, mail, mayWrite: false));
    }
}
