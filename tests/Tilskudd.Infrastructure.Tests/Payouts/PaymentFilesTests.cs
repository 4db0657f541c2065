using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using Tilskudd.Domain.Applications;
using Tilskudd.Domain.Cases;
using Tilskudd.Infrastructure.Applications;
using Tilskudd.Infrastructure.Cases;
using Tilskudd.Infrastructure.Payouts;

namespace Tilskudd.Infrastructure.Tests.Payouts;

/// <summary>Due tranches into the day's payment file (pain.001 and CSV), once; the finance system's confirmation marks them paid.</summary>
public sealed class PaymentFilesTests(StorageFixture storage)
{
    const string AltaKommune = "5603";

    static readonly Debtor Alta = new("Alta kommune", "40001234562");

    readonly TablePayoutRegister register = new(storage.Storage, Microsoft.Extensions.Logging.Abstractions.NullLogger<TablePayoutRegister>.Instance);
    readonly ApplicationStore applications = new(storage.Storage);

    PaymentFiles Files => new(storage.Storage, applications, new FakeTimeProvider(new DateTimeOffset(2031, 1, 1, 8, 0, 0, TimeSpan.Zero)));

    [Fact]
    public async Task A_due_tranche_is_in_its_days_file_once_and_never_in_the_next_file()
    {
        string reference = await ApplicationAsync("15031234562");
        await RegisterAsync(reference, 1, 25_000, new DateOnly(2031, 5, 15));
        await RegisterAsync(reference, 2, 25_000, new DateOnly(2031, 9, 15));

        var spring = await Files.ForDayAsync(AltaKommune, new DateOnly(2031, 5, 15), TestContext.Current.CancellationToken);
        var again = await Files.ForDayAsync(AltaKommune, new DateOnly(2031, 5, 15), TestContext.Current.CancellationToken);
        await RegisterAsync(reference, 1, 25_000, new DateOnly(2031, 5, 15)); // the activity ran again
        var nextDay = await Files.ForDayAsync(AltaKommune, new DateOnly(2031, 5, 16), TestContext.Current.CancellationToken);
        var autumn = await Files.ForDayAsync(AltaKommune, new DateOnly(2031, 9, 15), TestContext.Current.CancellationToken);

        var order = Assert.Single(spring.Orders, o => o.Reference == reference);
        Assert.Equal((1, 25_000L, "15031234562", $"{reference}-1"), (order.Tranche, order.Amount, order.CreditorAccount, order.EndToEndId));
        Assert.Equal(spring.Orders, again.Orders);
        Assert.DoesNotContain(nextDay.Orders, o => o.Reference == reference);
        Assert.Equal([2], autumn.Orders.Where(o => o.Reference == reference).Select(o => o.Tranche));
    }

    [Fact]
    public async Task A_grant_changed_on_appeal_changes_the_orders_not_yet_in_a_file_and_leaves_the_ordered_ones()
    {
        // Spring is in the bank's file; then the grant is raised and then lowered: autumn follows, spring stays as ordered.
        string reference = await ApplicationAsync("15031234562");
        await RegisterAsync(reference, 1, 25_000, new DateOnly(2032, 5, 14));
        await RegisterAsync(reference, 2, 25_000, new DateOnly(2032, 9, 15));
        await Files.ForDayAsync(AltaKommune, new DateOnly(2032, 5, 14), TestContext.Current.CancellationToken);

        await RegisterAsync(reference, 1, 40_000, new DateOnly(2032, 5, 14));
        await RegisterAsync(reference, 2, 45_000, new DateOnly(2032, 9, 15));
        var raised = await Files.ForDayAsync(AltaKommune, new DateOnly(2032, 9, 15), TestContext.Current.CancellationToken);
        await RegisterAsync(reference, 3, 10_000, new DateOnly(2032, 10, 1));
        await RegisterAsync(reference, 3, 0, new DateOnly(2032, 10, 1));
        var withdrawn = await Files.ForDayAsync(AltaKommune, new DateOnly(2032, 10, 1), TestContext.Current.CancellationToken);
        var orders = await Files.ForRoundAsync("alta-2031", TestContext.Current.CancellationToken);

        Assert.Equal(45_000, raised.Orders.Single(o => o.Reference == reference).Amount);
        Assert.Equal(25_000, orders.Single(o => o.Reference == reference && o.Tranche == 1).Amount);
        Assert.DoesNotContain(withdrawn.Orders, o => o.Reference == reference);
        Assert.Equal(PayoutStatus.Cancelled, orders.Single(o => o.Reference == reference && o.Tranche == 3).Status);
    }

    [Fact]
    public async Task A_tranche_without_a_valid_account_to_pay_to_is_put_in_no_file()
    {
        string reference = await ApplicationAsync(null);
        await RegisterAsync(reference, 1, 15_000, new DateOnly(2034, 5, 15));

        var file = await Files.ForDayAsync(AltaKommune, new DateOnly(2034, 5, 15), TestContext.Current.CancellationToken);
        var orders = await Files.ForRoundAsync("alta-2031", TestContext.Current.CancellationToken);

        Assert.DoesNotContain(file.Orders, o => o.Reference == reference);
        Assert.Equal(PayoutStatus.Registered, orders.Single(o => o.Reference == reference).Status);
    }

    [Fact]
    public async Task The_pain001_file_carries_account_amount_and_reference_as_remittance_text_and_adds_up()
    {
        string first = await ApplicationAsync("12345678903");
        string second = await ApplicationAsync("15031234562");
        await RegisterAsync(first, 1, 30_000, new DateOnly(2032, 3, 1));
        await RegisterAsync(second, 1, 12_500, new DateOnly(2032, 3, 1));

        var file = await Files.ForDayAsync(AltaKommune, new DateOnly(2032, 3, 1), TestContext.Current.CancellationToken);
        var xml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(Pain001.ToUtf8(Pain001.Write(file, _ => Alta, "Tilskudd"))));
        string csv = PaymentCsv.Write(file, _ => Alta);

        XNamespace ns = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
        var header = xml.Root!.Element(ns + "CstmrCdtTrfInitn")!.Element(ns + "GrpHdr")!;
        Assert.Equal("TILSKUDD-5603-20320301", header.Element(ns + "MsgId")!.Value);
        Assert.Equal(file.Orders.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), header.Element(ns + "NbOfTxs")!.Value);
        Assert.Equal(file.Orders.Sum(o => o.Amount).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), header.Element(ns + "CtrlSum")!.Value);
        var transfer = xml.Descendants(ns + "CdtTrfTxInf").Single(t => t.Descendants(ns + "EndToEndId").Single().Value == $"{first}-1");
        Assert.Equal("30000.00", transfer.Element(ns + "Amt")!.Element(ns + "InstdAmt")!.Value);
        Assert.Equal("NOK", transfer.Element(ns + "Amt")!.Element(ns + "InstdAmt")!.Attribute("Ccy")!.Value);
        Assert.Equal("12345678903", transfer.Element(ns + "CdtrAcct")!.Descendants(ns + "Othr").Single().Element(ns + "Id")!.Value);
        Assert.Equal($"Tilskudd {first} termin 1", transfer.Element(ns + "RmtInf")!.Element(ns + "Ustrd")!.Value);
        Assert.Equal("40001234562", xml.Descendants(ns + "DbtrAcct").Single().Descendants(ns + "Othr").Single().Element(ns + "Id")!.Value);
        Assert.Contains($"TILSKUDD-5603-20320301;{second}-1;40001234562;15031234562;Testforening;912345688;12500.00;2032-03-01;Tilskudd {second} termin 1", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirmation_marks_tranches_paid_or_rejected_and_names_what_was_never_ordered()
    {
        string reference = await ApplicationAsync("15031234562");
        await RegisterAsync(reference, 1, 20_000, new DateOnly(2033, 5, 15));
        await RegisterAsync(reference, 2, 20_000, new DateOnly(2033, 9, 15));
        await Files.ForDayAsync(AltaKommune, new DateOnly(2033, 5, 15), TestContext.Current.CancellationToken);
        await Files.ForDayAsync(AltaKommune, new DateOnly(2033, 9, 15), TestContext.Current.CancellationToken);
        string pain002 = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt>
              <OrgnlPmtInfAndSts><TxInfAndSts><OrgnlEndToEndId>{reference}-1</OrgnlEndToEndId><TxSts>ACSC</TxSts></TxInfAndSts></OrgnlPmtInfAndSts>
            </CstmrPmtStsRpt></Document>
            """;
        string csv = $"Betalingsid;Status\n{reference}-2;RJCT\n{reference}-3;ACSC\n";

        var fromXml = await Files.ImportAsync(AltaKommune, PaymentCsv.ReadConfirmation(pain002), TestContext.Current.CancellationToken);
        var fromCsv = await Files.ImportAsync(AltaKommune, PaymentCsv.ReadConfirmation(csv), TestContext.Current.CancellationToken);
        var orders = await Files.ForRoundAsync("alta-2031", TestContext.Current.CancellationToken);

        Assert.Equal((1, 0), (fromXml.Paid, fromXml.Rejected));
        Assert.Equal((0, 1), (fromCsv.Paid, fromCsv.Rejected));
        Assert.Equal([$"{reference}-3"], fromCsv.Unknown);
        Assert.Equal(PayoutStatus.Paid, orders.Single(o => o.EndToEndId == $"{reference}-1").Status);
        Assert.Equal(PayoutStatus.Rejected, orders.Single(o => o.EndToEndId == $"{reference}-2").Status);
    }

    [Fact]
    public async Task Each_kommune_pays_only_its_own_rounds_tranches_and_confirms_only_its_own()
    {
        string reference = await ApplicationAsync("15031234562");
        await RegisterAsync(reference, 1, 18_000, new DateOnly(2035, 5, 15));

        var oslo = await Files.ForDayAsync("0301", new DateOnly(2035, 5, 15), TestContext.Current.CancellationToken);
        var alta = await Files.ForDayAsync(AltaKommune, new DateOnly(2035, 5, 15), TestContext.Current.CancellationToken);
        var byOslo = await Files.ImportAsync("0301", [new PaymentConfirmation($"{reference}-1", Paid: true)], TestContext.Current.CancellationToken);
        var orders = await Files.ForRoundAsync("alta-2031", TestContext.Current.CancellationToken);

        Assert.Equal("TILSKUDD-0301-20350515", oslo.FileId);
        Assert.DoesNotContain(oslo.Orders, o => o.Reference == reference);
        Assert.Contains(alta.Orders, o => o.Reference == reference);
        Assert.Equal([$"{reference}-1"], byOslo.Unknown);
        Assert.Equal(PayoutStatus.Ordered, orders.Single(o => o.EndToEndId == $"{reference}-1").Status);
    }

    async Task<string> ApplicationAsync(string? account)
    {
        string reference = $"ALT-2031-{Random.Shared.Next(100_000, 999_999)}";
        var form = new ApplicationForm { Organisation = new OrganisationDetails("912345688", "Testforening", null, account) };
        await applications.SaveAsync(new StoredApplication(reference, "alta-2031", DateTimeOffset.UnixEpoch, form, []), TestContext.Current.CancellationToken);
        return reference;
    }

    Task RegisterAsync(string reference, int number, long amount, DateOnly dueOn) =>
        register.RegisterAsync(new RegisterTranche($"{reference}/5/tranche-{number}", "alta-2031", reference, number, amount, dueOn), TestContext.Current.CancellationToken);
}
