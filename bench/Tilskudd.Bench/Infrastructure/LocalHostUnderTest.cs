using AzuriteProcess = Tilskudd.Testing.AzuriteProcess;
using FreePorts = Tilskudd.Testing.FreePorts;

namespace Tilskudd.Bench.Infrastructure;

/// <summary>
/// Tilskudd.Local in its own process (Release, Development, as a person runs it) on a fresh in-memory
/// Azurite behind the request counter, with the processes sampled and a timeline to mark moments on.
/// </summary>
public sealed class LocalHostUnderTest : IAsyncDisposable
{
    readonly IAsyncDisposable rates;

    LocalHostUnderTest(AzuriteProcess azurite, StorageRequestCounter counter, ProcessSampler sampler, Timeline timeline, ChildProcess host, HttpClient http, IAsyncDisposable rates)
    {
        this.rates = rates;
        Azurite = azurite;
        Counter = counter;
        Sampler = sampler;
        Timeline = timeline;
        Host = host;
        Http = http;
    }

    public AzuriteProcess Azurite { get; }

    public StorageRequestCounter Counter { get; }

    public ProcessSampler Sampler { get; }

    public Timeline Timeline { get; }

    public ChildProcess Host { get; }

    public HttpClient Http { get; }

    /// <param name="clockStart">The development clock's start (Tilskudd__DevClock__StartAt).</param>
    /// <param name="settings">More host settings as environment variables (Tilskudd__Engine__…).</param>
    public static async Task<LocalHostUnderTest> StartAsync(string taskHub, string clockStart, IReadOnlyDictionary<string, string>? settings = null)
    {
        if (!File.Exists(RepoPaths.LocalHostDll))
        {
            throw new InvalidOperationException($"{RepoPaths.LocalHostDll} is missing: bench/run.sh builds it (dotnet build -c Release).");
        }

        var azurite = await BenchAzurite.StartAsync();
        var counter = StorageRequestCounter.Start(azurite.BlobPort, azurite.QueuePort, azurite.TablePort);
        counter.RegisterTaskHub(taskHub);
        var sampler = new ProcessSampler();
        sampler.Watch("azurite", azurite.ProcessId);
        sampler.Watch("bench", Environment.ProcessId);
        var timeline = new Timeline(counter, sampler);

        int port = FreePorts.Next();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = baseAddress.ToString(),
            ["Urls"] = baseAddress.ToString(),
            ["Tilskudd__Storage__ConnectionString"] = counter.ConnectionString,
            ["Tilskudd__Engine__TaskHub"] = taskHub,
            ["Tilskudd__Mail__SendGridHost"] = baseAddress.ToString(),
            ["Tilskudd__DevClock__StartAt"] = clockStart,
            ["Logging__Console__FormatterName"] = "simple",
            // One bench person sends thousands of applications a minute; the product's limit is 20.
            ["Tilskudd__RateLimits__SubmitsPerMinute"] = "1000000",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        var host = ChildProcess.Start(RepoPaths.LocalHostDll, [], environment, timeline, echo: false, Path.GetDirectoryName(RepoPaths.LocalHostDll)!);
        sampler.Watch("host", host.Id);
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(100),
        };
        var started = new LocalHostUnderTest(azurite, counter, sampler, timeline, host, http, RateLog.Start(counter, sampler, taskHub));
        try
        {
            await started.WaitUntilReadyAsync();
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            if (Host.HasExited)
            {
                throw new InvalidOperationException($"Tilskudd.Local exited:{Environment.NewLine}{Host.Output}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri("/api/rounds", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Tilskudd.Local did not answer within 90 s:{Environment.NewLine}{Host.Output}");
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await rates.DisposeAsync();
        await Host.DisposeAsync();
        await Sampler.DisposeAsync();
        await Counter.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
