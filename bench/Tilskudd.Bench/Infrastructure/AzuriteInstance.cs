using System.Diagnostics;

namespace Tilskudd.Bench.Infrastructure;

/// <summary>
/// An Azurite of the bench's own, as the Api tests start theirs: in memory, loopback only, on free
/// ports, killed on dispose. Each scenario gets a fresh one so no run inherits another's data.
/// </summary>
sealed class AzuriteInstance : IAsyncDisposable
{
    // Azurite's published development account; not a secret.
    public const string AccountName = "devstoreaccount1";
    const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    readonly Process process;

    AzuriteInstance(Process process, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public int ProcessId => process.Id;

    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={DevAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";

    public static async Task<AzuriteInstance> StartAsync()
    {
        if (!File.Exists(RepoPaths.Azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {RepoPaths.Azurite}: run npm ci in the repository.");
        }

        int blob = FreePorts.Next(), queue = FreePorts.Next(), table = FreePorts.Next();
        var start = new ProcessStartInfo(RepoPaths.Azurite)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--loose",
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
        var azurite = new AzuriteInstance(process, blob, queue, table);
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
