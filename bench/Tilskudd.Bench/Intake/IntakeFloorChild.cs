using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Tilskudd.Bench.Infrastructure;
using Tilskudd.Local.Engine;

namespace Tilskudd.Bench.Intake;

/// <summary>
/// The intake floor in its own process: the writes intake makes for one application — the
/// Idempotency-Key claim, the reference counter, the two attachments and the application document
/// as blobs, the listing row, the claim marked done — and one orchestration start, done directly
/// with Azure.Storage.Blobs, Azure.Data.Tables and a DurableTaskClient on the same engine as the
/// host's. No HTTP, no multipart parsing, no reads, no validation: the least the same work costs.
/// </summary>
public static class IntakeFloorChild
{
    public const string Role = "intake-floor";
    public const string TaskHub = "BenchIntakeFloor";

    public static async Task<int> RunAsync(string[] args)
    {
        string storage = Environment.GetEnvironmentVariable("BENCH_STORAGE") ?? throw new InvalidOperationException("BENCH_STORAGE is not set.");
        var levels = IntakeLevels.Parse(args);
        // "etag": take reference numbers as ReferenceSequence does (read the round's row, write it back
        // If-Match its ETag, again on a lost race), to see what that one row costs under concurrency.
        bool etagSequence = args.Contains("--etag-sequence");
        var payload = ApplicationPayload.Load();
        var tables = new TableServiceClient(storage);
        var blobs = new BlobServiceClient(storage);
        var idempotency = tables.GetTableClient("idempotency");
        var sequences = tables.GetTableClient("sequences");
        var applications = tables.GetTableClient("applications");
        var attachments = blobs.GetBlobContainerClient("attachments");
        var documents = blobs.GetBlobContainerClient("applications");
        foreach (var table in new[] { idempotency, sequences, applications })
        {
            await table.CreateIfNotExistsAsync();
        }

        foreach (var container in new[] { attachments, documents })
        {
            await container.CreateIfNotExistsAsync();
        }

        await using var engine = await InProcessEngine.StartAsync(new EngineOptions { TaskHub = TaskHub }, storage, registry =>
        {
            registry.AddOrchestrator<FloorCase>();
            registry.AddActivity<FloorReceipt>();
        });
        var client = engine.Client;
        string budgetHash = Convert.ToHexStringLower(SHA256.HashData(payload.Budget));
        string skatteattestHash = Convert.ToHexStringLower(SHA256.HashData(payload.Skatteattest));
        int sequence = 0;

        async Task SubmitAsync(CancellationToken ct)
        {
            int number = etagSequence ? await NextByEtagAsync(sequences, ct) : Interlocked.Increment(ref sequence);
            string reference = $"FLR-2027-{number:0000}";
            string claimKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Guid.NewGuid().ToString())));
            await idempotency.AddEntityAsync(new TableEntity(ApplicationPayload.RoundId, claimKey)
            {
                ["Reference"] = reference,
                ["RequestHash"] = budgetHash,
                ["ClaimedAt"] = DateTimeOffset.UtcNow,
                ["Completed"] = false,
            }, ct);
            if (!etagSequence)
            {
                await sequences.UpsertEntityAsync(new TableEntity(ApplicationPayload.RoundId, "reference") { ["Last"] = number }, TableUpdateMode.Replace, ct);
            }
            await Upload(attachments.GetBlobClient($"{reference}/01-budget.pdf"), payload.Budget, budgetHash, "Budget", ct);
            await Upload(attachments.GetBlobClient($"{reference}/02-skatteattest.pdf"), payload.Skatteattest, skatteattestHash, "Skatteattest", ct);
            var document = BinaryData.FromString(payload.FormJson + new string(' ', 600));
            await documents.GetBlobClient($"{reference}.json").UploadAsync(document, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, ct);
            await applications.UpsertEntityAsync(new TableEntity(ApplicationPayload.RoundId, reference)
            {
                ["OrganisationNumber"] = "912345688",
                ["AmountAppliedFor"] = 45000L,
                ["SubmittedAt"] = DateTimeOffset.UtcNow,
                ["Kind"] = "Project",
            }, TableUpdateMode.Replace, ct);
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(FloorCase), reference, new StartOrchestrationOptions(reference), ct);
            await idempotency.UpdateEntityAsync(new TableEntity(ApplicationPayload.RoundId, claimKey) { ["Completed"] = true }, ETag.All, TableUpdateMode.Merge, ct);
        }

        var results = await IntakeLevels.RunAsync(levels, (_, ct) => SubmitAsync(ct), expected => WaitUntilAsync(() => FloorReceipt.Count >= expected));
        ChildOutput.Result(JsonSerializer.Serialize(new IntakeRunResult(results, ProcessUsage.Read(Environment.ProcessId)?.PeakRssBytes ?? 0)));
        return 0;
    }

    static async Task<int> NextByEtagAsync(TableClient sequences, CancellationToken ct)
    {
        while (true)
        {
            var current = await sequences.GetEntityIfExistsAsync<TableEntity>(ApplicationPayload.RoundId, "reference", cancellationToken: ct);
            try
            {
                if (!current.HasValue || current.Value is null)
                {
                    await sequences.AddEntityAsync(new TableEntity(ApplicationPayload.RoundId, "reference") { ["Last"] = 1 }, ct);
                    return 1;
                }

                var row = current.Value;
                int next = row.GetInt32("Last").GetValueOrDefault() + 1;
                row["Last"] = next;
                await sequences.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
                return next;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
            }
        }
    }

    static Task<Response<BlobContentInfo>> Upload(BlobClient blob, byte[] bytes, string sha256, string kind, CancellationToken ct) =>
        blob.UploadAsync(new BinaryData(bytes), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf", ContentDisposition = "attachment" },
            Metadata = new Dictionary<string, string> { ["sha256"] = sha256, ["kind"] = kind },
        }, ct);

    static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}

/// <summary>Figures of one intake run (host or floor), per concurrency level.</summary>
public sealed record IntakeRunResult(IReadOnlyList<LevelResult> Levels, long PeakRssBytes);

/// <summary>
/// The concurrency levels of an intake run and how each is marked: "warm" after a few unmeasured
/// submits, then per level "c{n}-start", "c{n}-end" (submits answered) and "c{n}-drained" (every
/// case's first activity run too, so requests per application include the engine's whole intake).
/// </summary>
public static class IntakeLevels
{
    public const int Warmup = 5;

    public static IReadOnlyList<(int Concurrency, int Count)> Parse(string[] args)
    {
        int at = Array.IndexOf(args, "--levels");
        string spec = at >= 0 ? args[at + 1] : "1:25,8:120,32:320";
        return spec.Split(',').Select(l => l.Split(':')).Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1], CultureInfo.InvariantCulture))).ToList();
    }

    public static string Format(IEnumerable<(int Concurrency, int Count)> levels) => string.Join(',', levels.Select(l => $"{l.Concurrency}:{l.Count}"));

    public static async Task<IReadOnlyList<LevelResult>> RunAsync(
        IReadOnlyList<(int Concurrency, int Count)> levels,
        Func<int, CancellationToken, Task> submit,
        Func<int, Task<bool>> drainedAt,
        Action<string>? mark = null)
    {
        mark ??= ChildOutput.Mark;
        int total = 0;
        for (int i = 0; i < Warmup; i++)
        {
            await submit(i, CancellationToken.None);
        }

        total += Warmup;
        await drainedAt(total);
        mark("warm");
        var results = new List<LevelResult>();
        foreach (var (concurrency, count) in levels)
        {
            mark($"c{concurrency}-start");
            var result = await LoadLevel.RunAsync(concurrency, count, TimeSpan.FromSeconds(120), submit);
            mark($"c{concurrency}-end");
            total += result.Submitted;
            await drainedAt(total);
            mark($"c{concurrency}-drained");
            results.Add(result);
        }

        return results;
    }
}
