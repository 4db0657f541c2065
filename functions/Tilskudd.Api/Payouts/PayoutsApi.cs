using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tilskudd.Api.Cases;
using Tilskudd.Api.Http;
using Tilskudd.Api.Rounds;
using Tilskudd.Api.Security;
using Tilskudd.Domain.Time;
using Tilskudd.Infrastructure.Payouts;

namespace Tilskudd.Api.Payouts;

/// <summary>
/// The kommune's finance system's side of payouts: the day's payment file (pain.001 XML or CSV) and the import of
/// its confirmation (pain.002 XML or CSV), each the kommune's own, for its caseworkers and decision makers.
/// </summary>
public static class PayoutsApi
{
    public static async Task<IResult> GetPaymentFile(
        string kommune, string day, HttpRequest request, PaymentFiles files, RoundDirectory rounds, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(files);
        if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Problems.BadRequest("Ugyldig dato", $"«{day}» er ikke en dato på formen åååå-mm-dd.", "payment-day-invalid");
        }

        // A file for a day to come would pay its tranches early.
        if (date > OsloTime.DateOf(time.GetUtcNow()))
        {
            return Problems.Conflict("Dagen er ikke kommet", $"Betalingsfilen for {date:yyyy-MM-dd} kan lages fra og med den dagen.", "payment-day-in-future");
        }

        var file = await files.ForDayAsync(kommune, date, cancellationToken);
        var debtors = await DebtorsAsync(file, rounds, cancellationToken);
        bool csv = string.Equals(request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase);
        return csv
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(PaymentCsv.Write(file, r => debtors[r])), "text/csv; charset=utf-8", $"{file.FileId}.csv")
            : Results.File(Pain001.ToUtf8(Pain001.Write(file, r => debtors[r], "Tilskudd")), "application/xml", $"{file.FileId}.xml");
    }

    public static async Task<IResult> ImportPaymentConfirmation(string kommune, HttpRequest request, PaymentFiles files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(files);
        using var reader = new StreamReader(request.Body);
        string content = await reader.ReadToEndAsync(cancellationToken);
        IReadOnlyList<PaymentConfirmation> confirmations;
        try
        {
            confirmations = PaymentCsv.ReadConfirmation(content);
        }
        catch (Exception e) when (e is System.Xml.XmlException or CsvHelper.CsvHelperException or FormatException)
        {
            return Problems.BadRequest("Kunne ikke lese bekreftelsen", "Send pain.002 (XML) eller CSV med kolonnene Betalingsid og Status.", "payment-confirmation-unreadable");
        }

        var result = await files.ImportAsync(kommune, confirmations, cancellationToken);
        return TypedResults.Ok(result);
    }

    static async Task<Dictionary<string, Debtor>> DebtorsAsync(PaymentFile file, RoundDirectory rounds, CancellationToken cancellationToken)
    {
        var debtors = new Dictionary<string, Debtor>(StringComparer.Ordinal);
        foreach (string roundId in file.Orders.Select(o => o.RoundId).Distinct())
        {
            var owner = (await rounds.FindAsync(roundId, cancellationToken))?.Owner;
            debtors[roundId] = new Debtor(owner?.Kommune ?? roundId, owner?.AccountNumber ?? "");
        }

        return debtors;
    }
}
