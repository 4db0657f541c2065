using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tilskudd.Testing;

namespace Tilskudd.Infrastructure.Tests.Registers;

/// <summary>
/// Enhetsregisteret as a small HTTP server on 127.0.0.1, answering <c>GET /enheter/{orgnr}</c> from the recorded
/// files as the real API does (200, 410 Gone for a unit with slettedato, 404 with the API's error body for an
/// unknown number), and misbehaving on request: the first N answers for a number as 500, or every answer late.
/// </summary>
sealed class RecordedRegisterServer : IAsyncDisposable
{
    static readonly string RecordedDirectory = Path.Combine(RepoPaths.Root, "functions", "Tilskudd.Infrastructure", "Registers", "Recorded");

    readonly WebApplication app;

    readonly ConcurrentDictionary<string, int> failuresLeft = new();

    readonly ConcurrentDictionary<string, TimeSpan> delays = new();

    readonly ConcurrentDictionary<string, int> requests = new();

    RecordedRegisterServer(WebApplication app)
    {
        this.app = app;
        app.MapGet("/enheter/{orgnr}", Answer);
        app.MapGet("/enheter/{orgnr}/roller", Roles);
    }

    /// <summary><c>GET /enheter/{orgnr}/roller</c>: the recorded roles, or 404 as the register answers a number it does not know.</summary>
    static async Task<IResult> Roles(string orgnr, CancellationToken cancellationToken)
    {
        string file = Path.Combine(RecordedDirectory, "Roller", $"{orgnr}.json");
        return File.Exists(file)
            ? Results.Text(await File.ReadAllTextAsync(file, cancellationToken), "application/json")
            : Results.Json(new { status = 404, error = "Not Found", path = $"/enhetsregisteret/api/enheter/{orgnr}/roller" }, statusCode: 404);
    }

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<RecordedRegisterServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new RecordedRegisterServer(builder.Build());
        await server.app.StartAsync();
        server.BaseAddress = new Uri(server.app.Urls.Single() + "/");
        return server;
    }

    /// <summary>The next <paramref name="times"/> requests for the number answer 500.</summary>
    public void FailNext(string organisationNumber, int times) => failuresLeft[organisationNumber] = times;

    /// <summary>Every request for the number waits this long before answering.</summary>
    public void Delay(string organisationNumber, TimeSpan delay) => delays[organisationNumber] = delay;

    public int RequestsFor(string organisationNumber) => requests.GetValueOrDefault(organisationNumber);

    async Task<IResult> Answer(string orgnr, CancellationToken cancellationToken)
    {
        requests.AddOrUpdate(orgnr, 1, (_, n) => n + 1);
        if (delays.TryGetValue(orgnr, out var delay))
        {
            await Task.Delay(delay, cancellationToken);
        }

        if (failuresLeft.TryGetValue(orgnr, out int left) && left > 0)
        {
            failuresLeft[orgnr] = left - 1;
            return Results.Json(new { status = 500, error = "Internal Server Error" }, statusCode: 500);
        }

        string file = Path.Combine(RecordedDirectory, $"{orgnr}.json");
        if (!File.Exists(file))
        {
            return Results.Json(
                new { timestamp = "2026-11-25T10:00:00.000+00:00", status = 404, error = "Not Found", message = $"Ingen enhet med organisasjonsnummer {orgnr} ble funnet", path = $"/enhetsregisteret/api/enheter/{orgnr}" },
                statusCode: 404);
        }

        string json = await File.ReadAllTextAsync(file, cancellationToken);
        bool deleted = JsonNode.Parse(json)?["slettedato"] is not null;
        return Results.Text(json, "application/json", statusCode: deleted ? StatusCodes.Status410Gone : StatusCodes.Status200OK);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
