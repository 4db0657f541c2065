using System.Globalization;
using System.Xml.Linq;
using CsvHelper;
using CsvHelper.Configuration;

namespace Tilskudd.Infrastructure.Payouts;

/// <summary>
/// The payment file as CSV for a finance system without ISO 20022 import (semicolon-separated, as Norwegian
/// spreadsheets expect), and the finance system's confirmation read back from CSV or pain.002.
/// </summary>
public static class PaymentCsv
{
    static readonly CsvConfiguration Norwegian = new(CultureInfo.InvariantCulture) { Delimiter = ";" };

    public static string Write(PaymentFile file, Func<string, Debtor> debtorOfRound)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(debtorOfRound);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(text, Norwegian);
        foreach (string header in new[] { "Betalingsfil", "Betalingsid", "Fra konto", "Til konto", "Mottaker", "Organisasjonsnummer", "Beløp", "Betalingsdato", "Melding" })
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        foreach (var order in file.Orders)
        {
            csv.WriteField(file.FileId);
            csv.WriteField(order.EndToEndId);
            csv.WriteField(debtorOfRound(order.RoundId).Account);
            csv.WriteField(order.CreditorAccount);
            csv.WriteField(Exports.SpreadsheetCell.ForCsv(order.CreditorName));
            csv.WriteField(Exports.SpreadsheetCell.ForCsv(order.CreditorOrganisationNumber));
            csv.WriteField(order.Amount.ToString("0.00", CultureInfo.InvariantCulture));
            csv.WriteField(file.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(Exports.SpreadsheetCell.ForCsv(order.RemittanceText));
            csv.NextRecord();
        }

        csv.Flush();
        return text.ToString();
    }

    /// <summary>
    /// The confirmation as the finance system sends it: pain.002 XML (each OrgnlEndToEndId with its TxSts), or CSV with
    /// the columns Betalingsid;Status. ACSC/ACCC or "betalt" is paid, RJCT or "avvist" rejected; other statuses (pending) are left out.
    /// </summary>
    public static IReadOnlyList<PaymentConfirmation> ReadConfirmation(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var lines = content.TrimStart().StartsWith('<') ? FromPain002(content) : FromCsv(content);
        return [.. lines.Select(l => (l.Id.Trim(), l.Status.Trim().ToUpperInvariant()) switch
        {
            (var id, "ACSC" or "ACCC" or "BETALT") => new PaymentConfirmation(id, Paid: true),
            (var id, "RJCT" or "AVVIST") => new PaymentConfirmation(id, Paid: false),
            _ => null,
        }).OfType<PaymentConfirmation>()];
    }

    static IEnumerable<(string Id, string Status)> FromPain002(string xml) =>
        XDocument.Parse(xml).Descendants().Where(e => e.Name.LocalName == "TxInfAndSts").Select(e => (
            e.Elements().FirstOrDefault(c => c.Name.LocalName == "OrgnlEndToEndId")?.Value ?? "",
            e.Elements().FirstOrDefault(c => c.Name.LocalName == "TxSts")?.Value ?? ""));

    static List<(string Id, string Status)> FromCsv(string text)
    {
        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", DetectDelimiter = true, DetectDelimiterValues = [";", ","] });
        var lines = new List<(string, string)>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            lines.Add((csv.GetField("Betalingsid") ?? "", csv.GetField("Status") ?? ""));
        }

        return lines;
    }
}
