using System.Diagnostics;

namespace Tilskudd.Testing;

/// <summary>An Azurite of the tests' own: in memory, loopback only, on free ports; stopped on dispose.</summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    // Azurite's published development account; not a secret.
    public const string AccountName = "devstoreaccount1";
    const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    readonly Process process;

    AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        ConnectionString = ConnectionStringFor(blobPort, queuePort, tablePort);
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public int ProcessId => process.Id;

    /// <summary>The development account's connection string for the given ports (a counting proxy may stand in front).</summary>
    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={DevAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";

    public string ConnectionString { get; }

    /// <param name="preload">A script Node loads into Azurite before it starts (the bench's indexed queue store); none for stock Azurite.</param>
    public static async Task<AzuriteProcess> StartAsync(string? preload = null)
    {
        if (!File.Exists(RepoPaths.Azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {RepoPaths.Azurite}: run ./test.sh (it runs npm ci).");
        }

        int blob = FreePorts.Next(), queue = FreePorts.Next(), table = FreePorts.Next();
        var start = new ProcessStartInfo(preload is null ? RepoPaths.Azurite : "node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (preload is not null)
        {
            // The bench's growth runs store 100 000 cases; Node's default heap (about 4 GB here) is not enough.
            start.ArgumentList.Add("--max-old-space-size=16384");
            start.ArgumentList.Add("--require");
            start.ArgumentList.Add(preload);
            start.ArgumentList.Add(RepoPaths.Azurite);
        }

        foreach (var arg in new[]
        {
            // Azurite reports telemetry to Application Insights unless told not to; tests talk only to 127.0.0.1.
            "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", $"{blob}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{table}",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, blob, queue, table);
        foreach (int port in new[] { blob, queue, table })
        {
            await FreePorts.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(30));
        }

        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
