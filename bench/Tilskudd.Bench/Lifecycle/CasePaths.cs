using System.Text.Json.Nodes;
using Tilskudd.Bench.Infrastructure;

namespace Tilskudd.Bench.Lifecycle;

/// <summary>
/// The two whole lives the bench drives, submit to closed, each on a round open at the development
/// clock's start (25 November 2026): Oslo 2027 (deadline 30 November 2026) and Alta 2027 (15 April 2027).
/// Organisations are the invented ones the local registers know (README, "registers").
/// </summary>
public static class CasePaths
{
    public const string ClockStart = "2026-11-25T10:00:00+01:00";
    const string Caseworker = "caseworker";
    const string DecisionMaker = "decisionMaker";
    const string Organisation = "organisation";

    public sealed record CasePath(string Name, string Description, Func<HttpClient, Task<CaseDriver>> DriveAsync);

    public static IReadOnlyList<CasePath> All { get; } =
    [
        new("Alta", "Alta 2027: granted 45 000 (two tranches), report accepted", DriveAltaAsync),
        new("Oslo", "Oslo 2027: mangelbrev, partly granted, appeal upheld, one payout, report, part claimed back and repaid", DriveOsloAsync),
    ];

    static readonly byte[] Budget = Pdf(200 * 1024, 2);
    static readonly byte[] Skatteattest = Pdf(100 * 1024, 3);
    static readonly byte[] Report = Pdf(150 * 1024, 4);
    static readonly byte[] Accounts = Pdf(100 * 1024, 5);

    static async Task<CaseDriver> DriveAltaAsync(HttpClient http)
    {
        var round = JsonNode.Parse(await http.GetStringAsync(new Uri("/api/rounds/alta-2027", UriKind.Relative)))!;
        var form = File.ReadAllText(RepoPaths.ExampleApplication);
        var c = await CaseDriver.SubmitAsync(http, "alta-2027", form, [("budget", Budget), ("skatteattest", Skatteattest)]);
        await c.WaitForAsync("WaitingForDeadline");

        await CaseDriver.MoveClockAsync(http, "2027-04-20T10:00:00+02:00");
        await c.SendAsync("review", Caseworker);
        await c.SendAsync("assessment", Caseworker, Assessment(round, 45_000));
        await c.SendAsync("decision", DecisionMaker, new JsonObject { ["outcome"] = "granted", ["amount"] = 45_000, ["reasons"] = new JsonArray("Tiltaket skaper møteplasser (delmål A).") });
        await c.WaitForAsync("AwaitingAcceptance");
        await c.SendAsync("acceptance", Organisation);

        // Spring tranche (15 May 2027 is a Saturday, 17 May a holiday), autumn tranche, then the report reminders before 1 February 2028.
        await CaseDriver.MoveClockAsync(http, "2027-05-19T10:00:00+02:00");
        await c.WaitForAsync("PayingOut", also: a => a["paidOut"]?.GetValue<long>() > 0);
        await CaseDriver.MoveClockAsync(http, "2027-09-20T10:00:00+02:00");
        await c.WaitForAsync("ReportDue");
        await CaseDriver.MoveClockAsync(http, "2028-01-25T10:00:00+01:00");
        await c.SendFormAsync("report", Organisation, [("amountUsed", "45000")], [("report", Report), ("accounts", Accounts)]);
        await c.SendAsync("report/approval", Caseworker, new JsonObject { ["acceptedUse"] = 45_000, ["comment"] = "Rapport og regnskap godkjent." });
        await c.WaitForAsync("Closed");
        return c;
    }

    static async Task<CaseDriver> DriveOsloAsync(HttpClient http)
    {
        var round = JsonNode.Parse(await http.GetStringAsync(new Uri("/api/rounds/oslo-2027", UriKind.Relative)))!;
        var form = JsonNode.Parse(File.ReadAllText(RepoPaths.ExampleApplication))!.AsObject();
        form["organisation"] = new JsonObject { ["number"] = "812345672", ["name"] = "Grünerløkka Samtalegruppe", ["email"] = "styret@samtale.example.org", ["accountNumber"] = "1234.56.78903" };
        form["contact"] = new JsonObject { ["name"] = "Ola Eksempel", ["email"] = "ola@samtale.example.org" };
        form["delmål"] = new JsonArray("B", "D");
        form["project"]!["place"] = "Oslo, bydel Grünerløkka";
        var c = await CaseDriver.SubmitAsync(http, "oslo-2027", form.ToJsonString(), [("budget", Budget), ("skatteattest", Skatteattest)]);
        await c.WaitForAsync("WaitingForDeadline");

        await CaseDriver.MoveClockAsync(http, "2026-12-02T10:00:00+01:00");
        await c.SendAsync("review", Caseworker);
        await c.SendAsync("information-requests", Caseworker, new JsonObject { ["question"] = "Hvor mange deltakere regner dere med?" });
        await c.SendFormAsync("information", Organisation, [("answer", "Rundt 30 deltakere per gang.")], []);
        await c.SendAsync("assessment", Caseworker, Assessment(round, 40_000));
        await c.SendAsync("decision", DecisionMaker, new JsonObject { ["outcome"] = "partlyGranted", ["amount"] = 40_000, ["reasons"] = new JsonArray("Budsjettet for lokaler er høyere enn ordningen dekker.") });
        await c.WaitForAsync("AwaitingAcceptance");
        await c.SendAsync("appeal", Organisation, new JsonObject { ["grounds"] = "Lokalene er en del av tilbudet." });
        await c.SendAsync("appeal/recommendation", Caseworker, new JsonObject { ["uphold"] = true, ["recommendation"] = "Opprettholdes." });
        await c.SendAsync("appeal/resolution", DecisionMaker, new JsonObject { ["upheld"] = true, ["newOutcome"] = "partlyGranted", ["newAmount"] = 40_000, ["reasons"] = new JsonArray("Klagen gir ikke grunn til å endre beløpet.") });
        await c.WaitForAsync("AwaitingAcceptance");
        await c.SendAsync("acceptance", Organisation);

        await CaseDriver.MoveClockAsync(http, "2027-05-19T10:00:00+02:00");
        await c.WaitForAsync("ReportDue");
        await CaseDriver.MoveClockAsync(http, "2028-01-25T10:00:00+01:00");
        await c.SendFormAsync("report", Organisation, [("amountUsed", "35000")], [("report", Report), ("accounts", Accounts)]);
        await c.SendAsync("report/approval", Caseworker, new JsonObject { ["acceptedUse"] = 35_000, ["comment"] = "Kr 5 000 ble ikke brukt i 2027." });
        await c.WaitForAsync("RepaymentClaimed");
        await c.SendAsync("repayment", Caseworker, new JsonObject { ["amount"] = 5_000 });
        await c.WaitForAsync("Closed");
        return c;
    }

    static JsonObject Assessment(JsonNode round, long amount) => new()
    {
        ["scores"] = new JsonArray([.. round["criteria"]!.AsArray().Select(c => (JsonNode)new JsonObject { ["code"] = c!["code"]!.GetValue<string>(), ["score"] = 4, ["comment"] = "God" })]),
        ["exclusions"] = new JsonArray(),
        ["recommendedAmount"] = amount,
        ["comment"] = "Godt prosjekt.",
    };

    static byte[] Pdf(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }
}
