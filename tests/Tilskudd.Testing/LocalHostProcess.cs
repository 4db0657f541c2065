using System.Collections.Concurrent;
using System.Diagnostics;


namespace Tilskudd.Testing;

/// <summary>
/// Tilskudd.Local as a person runs it: its own process, real HTTP on a loopback port, the
/// Durable Task engine on the given Azurite. It can be killed (SIGKILL) and started again.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    /// <summary>The day the tests live on: both schemes have an open round (oslo-2027, alta-2027).</summary>
    public const string TestClockStart = "2026-11-25T10:00:00+01:00";

    readonly string connectionString;
    readonly string taskHub;
    readonly ConcurrentQueue<string> output = new();
    readonly IReadOnlyDictionary<string, string> settings;
    Process? process;

    /// <param name="settings">
    /// Environment variables over the tests' defaults: e.g. ASPNETCORE_ENVIRONMENT=Production, or the rate limits
    /// back at the product's own (tests lift them: many tests submit as the same person within a minute).
    /// </param>
    public LocalHostProcess(string connectionString, string taskHub, IReadOnlyDictionary<string, string>? settings = null)
    {
        this.connectionString = connectionString;
        this.taskHub = taskHub;
        this.settings = settings ?? new Dictionary<string, string>();
        Port = FreePorts.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>The running process's id, as the development mail sink names the host that sent a mail (machine:pid).</summary>
    public int ProcessId => process?.Id ?? 0;

    /// <summary>Where the host's development clock starts at its next start: a restarted host goes on from where its clock was.</summary>
    public DateTimeOffset ClockStart { get; set; } = DateTimeOffset.Parse(TestClockStart, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What the host has written, for a failing test's message.</summary>
    public string Output => string.Join(Environment.NewLine, output.TakeLast(80));

    /// <summary>Everything the host has written to stdout and stderr.</summary>
    public IReadOnlyList<string> AllOutput => [.. output];

    public async Task StartAsync()
    {
        string dll = Path.Combine(RepoPaths.LocalHostDirectory, "Tilskudd.Local.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.LocalHostDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        start.Environment["Urls"] = BaseAddress.ToString();
        start.Environment["Tilskudd__Storage__ConnectionString"] = connectionString;
        start.Environment["Tilskudd__Engine__TaskHub"] = taskHub;
        start.Environment["Tilskudd__Mail__SendGridHost"] = BaseAddress.ToString();
        start.Environment["Tilskudd__DevClock__StartAt"] = ClockStart.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Tilskudd__RateLimits__SubmitsPerMinute"] = "100000";
        start.Environment["Tilskudd__RateLimits__TokensPerMinute"] = "100000";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("Tilskudd.Local did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Tilskudd.Local exited with {process.ExitCode}:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/api/rounds", UriKind.Relative));
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
                throw new TimeoutException($"Tilskudd.Local did not answer within 90 s:{Environment.NewLine}{Output}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Kills the host at once, as a crash or a pulled plug would: no shutdown, no flush.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
    }
}
