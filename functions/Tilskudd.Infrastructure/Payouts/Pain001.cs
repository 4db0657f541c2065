using System.Globalization;
using System.Xml.Linq;

namespace Tilskudd.Infrastructure.Payouts;

/// <summary>
/// A payment file as ISO 20022 customer credit transfer initiation, pain.001.001.09: one payment information
/// block per paying kommune (its account as BBAN), one credit transfer per tranche with the tranche's
/// end-to-end id and the reference number as unstructured remittance text, amounts in NOK with two decimals.
/// </summary>
public static class Pain001
{
    public static readonly XNamespace Ns = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    public static XDocument Write(PaymentFile file, Func<string, Debtor> debtorOfRound, string initiatingParty)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(debtorOfRound);
        var blocks = file.Orders
            .GroupBy(o => debtorOfRound(o.RoundId))
            .Select((group, i) => PaymentInformation(file, $"{file.FileId}-{i + 1}", group.Key, [.. group]));

        return new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(Ns + "Document",
                new XElement(Ns + "CstmrCdtTrfInitn",
                    new XElement(Ns + "GrpHdr",
                        new XElement(Ns + "MsgId", file.FileId),
                        new XElement(Ns + "CreDtTm", file.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
                        new XElement(Ns + "NbOfTxs", file.Orders.Count),
                        new XElement(Ns + "CtrlSum", Amount(file.Total)),
                        new XElement(Ns + "InitgPty", new XElement(Ns + "Nm", initiatingParty))),
                    blocks)));
    }

    /// <summary>The document as UTF-8 bytes without a byte order mark, as banks' import expects.</summary>
    public static byte[] ToUtf8(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var writer = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }

    static XElement PaymentInformation(PaymentFile file, string id, Debtor debtor, IReadOnlyList<PaymentOrder> orders) =>
        new(Ns + "PmtInf",
            new XElement(Ns + "PmtInfId", id),
            new XElement(Ns + "PmtMtd", "TRF"),
            new XElement(Ns + "NbOfTxs", orders.Count),
            new XElement(Ns + "CtrlSum", Amount(orders.Sum(o => o.Amount))),
            new XElement(Ns + "ReqdExctnDt", new XElement(Ns + "Dt", file.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            new XElement(Ns + "Dbtr", new XElement(Ns + "Nm", debtor.Name)),
            Account("DbtrAcct", debtor.Account),
            // The kommune's bank knows its own agent; Norwegian banks accept NOTPROVIDED for a domestic BBAN.
            new XElement(Ns + "DbtrAgt", new XElement(Ns + "FinInstnId", new XElement(Ns + "Othr", new XElement(Ns + "Id", "NOTPROVIDED")))),
            new XElement(Ns + "ChrgBr", "SLEV"),
            orders.Select(CreditTransfer));

    static XElement CreditTransfer(PaymentOrder order) =>
        new(Ns + "CdtTrfTxInf",
            new XElement(Ns + "PmtId",
                new XElement(Ns + "InstrId", order.EndToEndId),
                new XElement(Ns + "EndToEndId", order.EndToEndId)),
            new XElement(Ns + "Amt", new XElement(Ns + "InstdAmt", new XAttribute("Ccy", "NOK"), Amount(order.Amount))),
            new XElement(Ns + "Cdtr",
                new XElement(Ns + "Nm", order.CreditorName),
                new XElement(Ns + "Id", new XElement(Ns + "OrgId", new XElement(Ns + "Othr",
                    new XElement(Ns + "Id", order.CreditorOrganisationNumber),
                    new XElement(Ns + "SchmeNm", new XElement(Ns + "Cd", "CUST")))))),
            Account("CdtrAcct", order.CreditorAccount),
            new XElement(Ns + "RmtInf", new XElement(Ns + "Ustrd", order.RemittanceText)));

    static XElement Account(string name, string bban) =>
        new(Ns + name, new XElement(Ns + "Id", new XElement(Ns + "Othr",
            new XElement(Ns + "Id", bban),
            new XElement(Ns + "SchmeNm", new XElement(Ns + "Cd", "BBAN")))));

    static string Amount(long kroner) => kroner.ToString("0.00", CultureInfo.InvariantCulture);
}
