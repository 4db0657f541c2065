using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Tilskudd.Api.Tests.Fixtures;
using Tilskudd.Domain.Time;
using Tilskudd.Testing;

namespace Tilskudd.Api.Tests.Cases;

/// <summary>
/// A host of its own whose development clock a test moves through a grant year, sending the commands people send on
/// the way, and the mails it expects: each case's mail of each kind on the day the rules give, in the sink exactly once.
/// A host of its own because moving its clock must not move the other tests'.
/// </summary>
sealed class YearHost : IAsyncDisposable
{
    public const string CaseworkerUser = "saksbehandler-1";
    public const string DecisionMakerUser = "beslutter-1";
    public const string ApplicantUser = "soker-1";

    readonly LocalHostProcess host;
    readonly List<(string Reference, string Template, DateOnly Day)> expected = [];

    YearHost(LocalHostProcess host)
    {
        this.host = host;
        Http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public HttpClient Http { get; }

    /// <summary>The host's clock as the test last set it.</summary>
    public DateTimeOffset Now { get; private set; } = DateTimeOffset.Parse(LocalHostProcess.TestClockStart, CultureInfo.InvariantCulture);

    public string Output => host.Output;

    /// <summary>The host processes killed so far, as the mail sink names them.</summary>
    public List<string> KilledHosts { get; } = [];

    /// <summary>Kills the host with SIGKILL, as a crash would.</summary>
    public Task KillAsync()
    {
        KilledHosts.Add(CrashMails.HostOf(host));
        return host.KillAsync();
    }

    /// <summary>Starts the host again, its clock where the test last set it.</summary>
    public Task RestartAsync()
    {
        host.ClockStart = Now;
        return host.StartAsync();
    }

    public static async Task<YearHost> StartAsync(TilskuddFixture fixture, string taskHub)
    {
        var host = new LocalHostProcess(fixture.Azurite.ConnectionString, taskHub);
        await host.StartAsync();
        return new YearHost(host);
    }

    /// <summary>Submits a form, expects its receipt today, and waits until the registers have been asked.</summary>
    public async Task<string> SubmitAsync(string roundId, ApplicationRequest application)
    {
        var (response, receipt) = await Http.SubmitAsync(roundId, application);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {receipt.ToJsonString()}");
        string reference = receipt["reference"].Text();
        await WaitForAsync(reference, s => s["status"].Text() is not ("Received" or "Submitted"), "the registers' answer");
        await ExpectMailAsync(reference, "kvittering");
        return reference;
    }

    /// <summary>Moves the host's clock to a time in Oslo ("2027-04-16 09:00"); every running case is told.</summary>
    public async Task MoveToAsync(string oslo)
    {
        var at = DateTime.ParseExact(oslo, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        Now = OsloTime.At(DateOnly.FromDateTime(at), TimeOnly.FromDateTime(at));
        using var response = await Http.PostAsync(
            new Uri("/dev/clock", UriKind.Relative),
            new StringContent(new JsonObject { ["moveTo"] = Now.ToString("O", CultureInfo.InvariantCulture) }.ToJsonString(), Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Sends a command that must be accepted, and returns the case as the answer gives it.</summary>
    public async Task<JsonObject> DoAsync(string reference, string command, string role, string user, JsonObject? json = null, HttpContent? content = null)
    {
        var (status, outcome) = await SendAsync(reference, command, role, user, json, content);
        Assert.True(
            status == HttpStatusCode.OK && outcome["accepted"]?.GetValue<bool>() == true,
            $"{command} on {reference} at {Now:O}: {(int)status} {outcome.ToJsonString()}");
        return outcome;
    }

    /// <summary>Sends a command that must be refused, and returns the problem.</summary>
    public async Task<(HttpStatusCode Status, JsonObject Problem)> RefusedAsync(string reference, string command, string role, string user, JsonObject? json = null, HttpContent? content = null)
    {
        var (status, outcome) = await SendAsync(reference, command, role, user, json, content);
        Assert.True((int)status is >= 400 and < 500, $"{command} on {reference} at {Now:O} should be refused: {(int)status} {outcome.ToJsonString()}");
        return (status, outcome);
    }

    async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(string reference, string command, string role, string user, JsonObject? json, HttpContent? content)
    {
        var sent = await Http.SendAsync(HttpMethod.Post, $"/api/applications/{reference}/{command}", role, user, json ?? (content is null ? [] : null), Guid.NewGuid().ToString(), content);
        return await Http.OutcomeOfAsync(sent);
    }

    public Task<JsonObject> WaitForAsync(string reference, Func<JsonObject, bool> done, string what) => WaitForAsync(reference, done, what, TimeSpan.FromSeconds(90));

    async Task<JsonObject> WaitForAsync(string reference, Func<JsonObject, bool> done, string what, TimeSpan timeout)
    {
        var status = await Http.WaitForStatusAsync(reference, done, timeout);
        Assert.True(done(status), $"{reference} at {Now:O} never reached {what}: {status.ToJsonString()}{Environment.NewLine}{host.Output}");
        return status;
    }

    /// <summary>Expects one more mail of this kind for the case, dated today on the host's clock, and waits for it.</summary>
    public async Task ExpectMailAsync(string reference, string template)
    {
        expected.Add((reference, template, OsloTime.DateOf(Now)));
        int count = expected.Count(e => e.Reference == reference && e.Template == template);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while ((await MailsAsync()).Count(m => m.Reference == reference && m.Template == template) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No {template} mail for {reference} at {Now:O} within 90 s.{Environment.NewLine}{host.Output}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Every mail of these cases in the sink is one the test expected, on its day, and each came once.</summary>
    public async Task AssertEveryMailOnceOnItsDayAsync(params string[] references)
    {
        // Time for a mail that should not come (a second copy, a reminder too many) to arrive.
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        var sent = (await MailsAsync()).Where(m => references.Contains(m.Reference)).Select(m => Line(m.Reference, m.Template, m.Day)).Order(StringComparer.Ordinal);
        var wanted = expected.Where(e => references.Contains(e.Reference)).Select(e => Line(e.Reference, e.Template, e.Day)).Order(StringComparer.Ordinal);
        Assert.Equal(string.Join(Environment.NewLine, wanted), string.Join(Environment.NewLine, sent));
    }

    static string Line(string reference, string template, DateOnly day) => $"{reference} {day:yyyy-MM-dd} {template}";

    async Task<List<(string Reference, string Template, DateOnly Day)>> MailsAsync()
    {
        var mails = await Http.GetFromJsonAsync<JsonArray>("/dev/mail?json", TestContext.Current.CancellationToken) ?? [];
        return [.. mails.Select(m => m!.AsObject())
            .Where(m => m["mailId"]?.GetValue<string>() is { } id && id.Contains('/', StringComparison.Ordinal))
            .Select(m =>
            {
                string id = m["mailId"]!.GetValue<string>();
                var at = DateTimeOffset.Parse(m["receivedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);
                return (id[..id.IndexOf('/', StringComparison.Ordinal)], id[(id.LastIndexOf('/') + 1)..], OsloTime.DateOf(at));
            })];
    }

    /// <summary>A multipart form with text fields and PDF files (part name, file name).</summary>
    public static MultipartFormDataContent Form((string Name, string Value)[] fields, (string Part, string FileName)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }

        int seed = 10;
        foreach (var (part, fileName) in files)
        {
            content.Add(new ByteArrayContent(TestFiles.Pdf(4_000, seed++)), part, fileName);
        }

        return content;
    }

    public static JsonObject Assessment(JsonObject round, long amount, int score = 4) => new()
    {
        ["scores"] = new JsonArray([.. round["criteria"]!.AsArray().Select(c => (JsonNode)new JsonObject { ["code"] = c!["code"].Text(), ["score"] = score, ["comment"] = "Vurdert." })]),
        ["exclusions"] = new JsonArray(),
        ["recommendedAmount"] = amount,
        ["comment"] = "Innstilling.",
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await host.DisposeAsync();
    }
}
