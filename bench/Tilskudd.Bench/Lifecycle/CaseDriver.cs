using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Tilskudd.Bench.Infrastructure;

namespace Tilskudd.Bench.Lifecycle;

/// <summary>
/// Drives one case over HTTP as its people and the development clock would: commands with the
/// people's development tokens (<see cref="BenchSignIn"/>) and an Idempotency-Key, the clock moved by POST /dev/clock, the case read
/// back until it reaches a status. Every request is the host's real route.
/// </summary>
public sealed class CaseDriver(HttpClient http, string reference)
{
    int commands;

    public string Reference => reference;

    /// <summary>The driver's own reads of the case (waiting for a status): not part of the case's life, subtracted at their measured cost.</summary>
    public int StatusReads { get; private set; }

    /// <summary>The driver's reads of a command's outcome after a 202.</summary>
    public int OutcomeReads { get; private set; }

    public Uri? LastOutcome { get; private set; }

    public static async Task<CaseDriver> SubmitAsync(HttpClient http, string roundId, string formJson, IEnumerable<(string Part, byte[] Bytes)> files)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(formJson, Encoding.UTF8, "application/json"), "application" },
        };
        foreach (var (part, bytes) in files)
        {
            content.Add(Pdf(bytes), part, part + ".pdf");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/rounds/{roundId}/applications") { Content = content };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        await BenchSignIn.AsAsync(http, request, "organisation");
        using var response = await http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Submit to {roundId}: {(int)response.StatusCode} {body}");
        }

        return new CaseDriver(http, JsonNode.Parse(body)!["reference"]!.GetValue<string>());
    }

    public Task SendAsync(string command, string role, JsonObject? json = null) =>
        SendAsync(command, role, json is null ? null : new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json"));

    public Task SendFormAsync(string command, string role, IEnumerable<(string Name, string Value)> fields, IEnumerable<(string Part, byte[] Bytes)> files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (part, bytes) in files)
        {
            form.Add(Pdf(bytes), part, part + ".pdf");
        }

        return SendAsync(command, role, form);
    }

    async Task SendAsync(string command, string role, HttpContent? content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{reference}/{command}") { Content = content };
        await BenchSignIn.AsAsync(http, request, role);
        request.Headers.Add("Idempotency-Key", $"{command.Replace('/', '-')}-{++commands}");
        using var response = await http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (response.StatusCode == HttpStatusCode.Accepted && response.Headers.Location is { } location)
        {
            using var read = new HttpRequestMessage(HttpMethod.Get, location);
            await BenchSignIn.AsAsync(http, read, "organisation");
            using var outcome = await http.SendAsync(read);
            OutcomeReads++;
            LastOutcome = location;
            if (outcome.StatusCode != HttpStatusCode.NotFound)
            {
                body = await outcome.Content.ReadAsStringAsync();
                CheckAccepted(command, outcome.StatusCode, body);
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{command} on {reference}: no outcome within 60 s.");
            }

            await Task.Delay(200);
        }

        CheckAccepted(command, response.StatusCode, body);
    }

    void CheckAccepted(string command, HttpStatusCode status, string body)
    {
        if (status != HttpStatusCode.OK || JsonNode.Parse(body)?["accepted"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException($"{command} on {reference}: {(int)status} {body}");
        }
    }

    /// <summary>Reads the case until its status is <paramref name="status"/>.</summary>
    public async Task<JsonObject> WaitForAsync(string status, TimeSpan? timeout = null, Func<JsonObject, bool>? also = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var application = await ReadAsync();
            if (application["status"]?.GetValue<string>() == status && (also?.Invoke(application) ?? true))
            {
                return application;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{reference} did not reach {status} within {timeout ?? TimeSpan.FromSeconds(90)}: {application.ToJsonString()}");
            }

            await Task.Delay(250);
        }
    }

    public async Task<JsonObject> ReadAsync()
    {
        StatusReads++;
        using var read = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/applications/{reference}", UriKind.Relative));
        await BenchSignIn.AsAsync(http, read, "organisation");
        using var response = await http.SendAsync(read);
        return JsonNode.Parse(await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync())!.AsObject();
    }

    public async Task ReadOutcomeAsync(Uri location)
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, location);
        await BenchSignIn.AsAsync(http, read, "organisation");
        using var outcome = await http.SendAsync(read);
    }

    public static async Task MoveClockAsync(HttpClient http, string to)
    {
        using var response = await http.PostAsync(
            new Uri("/dev/clock", UriKind.Relative),
            new StringContent(new JsonObject { ["moveTo"] = to }.ToJsonString(), Encoding.UTF8, "application/json"));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Moving the clock to {to}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    static ByteArrayContent Pdf(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return file;
    }
}
