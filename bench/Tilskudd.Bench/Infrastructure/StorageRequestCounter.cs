using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AzuriteProcess = Tilskudd.Testing.AzuriteProcess;

namespace Tilskudd.Bench.Infrastructure;

public enum StorageService
{
    Blob,
    Queue,
    Table,
}

/// <summary>Whose request it was: the Durable Task engine's (task hub resources), ours, or the dev mail sink's (stands in for SendGrid).</summary>
public enum RequestOwner
{
    Engine,
    Ours,
    Sink,
}

public readonly record struct RequestKey(StorageService Service, RequestOwner Owner, string Resource, string Operation)
{
    /// <summary>The resource with the task hub's name as "{hub}", and the numbered control queues as one.</summary>
    public string ResourceIn(string taskHub)
    {
        string lower = Resource.ToLowerInvariant();
        string hub = taskHub.ToLowerInvariant();
        return lower.StartsWith(hub + "-control-", StringComparison.Ordinal) ? "{hub}-control-*"
            : lower.StartsWith(hub, StringComparison.Ordinal) ? "{hub}" + Resource[hub.Length..]
            : Resource;
    }
}

/// <summary>
/// Counts every storage request on its way to Azurite: a loopback HTTP/1.1 proxy per service that
/// reads each request's line and length (to find the next request on a kept-alive connection),
/// forwards the bytes unchanged, and pipes the answers back untouched. A request is the engine's when
/// its table, queue or container name starts with a registered task hub's name (lower-cased), as the
/// Azure Storage provider names them; a table batch is classified by the table named inside its body.
/// On Azure each request is a billed transaction, so these counts are the cost that matters.
/// Each request is also timed from its head's arrival to the first byte of its answer (the SDKs send one request
/// at a time on a connection), which is how long the storage took to answer it, upload included.
/// </summary>
public sealed class StorageRequestCounter : IAsyncDisposable
{
    static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    readonly ConcurrentDictionary<RequestKey, long> counts = new();
    readonly ConcurrentDictionary<RequestKey, long> batchOperations = new();
    readonly ConcurrentDictionary<RequestKey, long> waitTicks = new();
    readonly List<TcpListener> listeners = [];
    readonly List<string> hubPrefixes = [];
    readonly CancellationTokenSource stop = new();
    readonly List<Task> acceptLoops = [];

    StorageRequestCounter()
    {
    }

    public string ConnectionString { get; private set; } = "";

    public static StorageRequestCounter Start(int blobPort, int queuePort, int tablePort)
    {
        var counter = new StorageRequestCounter();
        int blob = counter.Listen(StorageService.Blob, blobPort);
        int queue = counter.Listen(StorageService.Queue, queuePort);
        int table = counter.Listen(StorageService.Table, tablePort);
        counter.ConnectionString = AzuriteProcess.ConnectionStringFor(blob, queue, table);
        return counter;
    }

    /// <summary>Requests to resources named after this task hub count as the engine's.</summary>
    public void RegisterTaskHub(string taskHub)
    {
        lock (hubPrefixes)
        {
            hubPrefixes.Add(taskHub.ToLowerInvariant());
        }
    }

    public RequestCounts Snapshot() => new(
        new Dictionary<RequestKey, long>(counts), new Dictionary<RequestKey, long>(batchOperations), new Dictionary<RequestKey, long>(waitTicks));

    int Listen(StorageService service, int upstreamPort)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(512);
        listeners.Add(listener);
        acceptLoops.Add(Task.Run(() => AcceptLoopAsync(listener, service, upstreamPort)));
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    async Task AcceptLoopAsync(TcpListener listener, StorageService service, int upstreamPort)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            _ = Task.Run(() => RelayAsync(client, service, upstreamPort));
        }
    }

    async Task RelayAsync(TcpClient client, StorageService service, int upstreamPort)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                client.NoDelay = true;
                upstream.NoDelay = true;
                await upstream.ConnectAsync(IPAddress.Loopback, upstreamPort, stop.Token);
                var fromClient = client.GetStream();
                var toUpstream = upstream.GetStream();
                var exchange = new Exchange();
                var answers = RelayAnswersAsync(toUpstream, fromClient, exchange);
                var requests = ForwardRequestsAsync(fromClient, toUpstream, service, exchange);
                await Task.WhenAny(answers, requests);
            }
            catch (Exception)
            {
                // A dropped connection ends the relay; the SDK's own retry sees it as the network would.
            }
        }
    }

    async Task RelayAnswersAsync(NetworkStream upstream, NetworkStream client, Exchange exchange)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await upstream.ReadAsync(buffer, stop.Token)) > 0)
            {
                if (exchange.Answered() is var (key, ticks))
                {
                    waitTicks.AddOrUpdate(key, ticks, (_, n) => n + ticks);
                }

                await client.WriteAsync(buffer.AsMemory(0, read), stop.Token);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    async Task ForwardRequestsAsync(NetworkStream client, NetworkStream upstream, StorageService service, Exchange exchange)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        int start = 0, end = 0;
        try
        {
            while (true)
            {
                int headerEnd;
                while ((headerEnd = buffer.AsSpan(start, end - start).IndexOf(HeaderEnd)) < 0)
                {
                    (buffer, start, end) = Compact(buffer, start, end);
                    int read = await client.ReadAsync(buffer.AsMemory(end), stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    end += read;
                }

                int headerLength = headerEnd + HeaderEnd.Length;
                var head = ParseHead(buffer.AsSpan(start, headerLength));
                exchange.Sent();
                string path = head.Target.Split('?', 2)[0];
                bool capture = path.Contains("$batch", StringComparison.Ordinal) || path.EndsWith("/Tables", StringComparison.Ordinal);
                var captured = capture ? new MemoryStream() : null;

                if (head.Chunked)
                {
                    await upstream.WriteAsync(buffer.AsMemory(start, headerLength), stop.Token);
                    start += headerLength;
                    (buffer, start, end) = await ForwardChunkedAsync(client, upstream, buffer, start, end);
                }
                else
                {
                    // Header and as much body as is here go in one write.
                    long remaining = head.ContentLength;
                    int first = (int)Math.Min(end - start, headerLength + remaining);
                    captured?.Write(buffer, start + headerLength, first - headerLength);
                    await upstream.WriteAsync(buffer.AsMemory(start, first), stop.Token);
                    start += first;
                    remaining -= first - headerLength;
                    while (remaining > 0)
                    {
                        start = end = 0;
                        int read = await client.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), stop.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        if (captured is { Length: < 256 * 1024 })
                        {
                            captured.Write(buffer, 0, read);
                        }

                        await upstream.WriteAsync(buffer.AsMemory(0, read), stop.Token);
                        remaining -= read;
                    }
                }

                if (exchange.Counted(Count(service, head, captured)) is var (key, ticks))
                {
                    waitTicks.AddOrUpdate(key, ticks, (_, n) => n + ticks);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    async Task<(byte[] Buffer, int Start, int End)> ForwardChunkedAsync(NetworkStream client, NetworkStream upstream, byte[] buffer, int start, int end)
    {
        while (true)
        {
            int lineEnd;
            while ((lineEnd = buffer.AsSpan(start, end - start).IndexOf("\r\n"u8)) < 0)
            {
                (buffer, start, end) = Compact(buffer, start, end);
                int read = await client.ReadAsync(buffer.AsMemory(end), stop.Token);
                if (read == 0)
                {
                    return (buffer, start, end);
                }

                end += read;
            }

            string sizeText = Encoding.ASCII.GetString(buffer, start, lineEnd).Split(';')[0].Trim();
            long size = Convert.ToInt64(sizeText, 16);
            long toSend = lineEnd + 2 + size + 2;
            while (toSend > 0)
            {
                if (start == end)
                {
                    start = end = 0;
                    int read = await client.ReadAsync(buffer, stop.Token);
                    if (read == 0)
                    {
                        return (buffer, start, end);
                    }

                    end = read;
                }

                int take = (int)Math.Min(toSend, end - start);
                await upstream.WriteAsync(buffer.AsMemory(start, take), stop.Token);
                start += take;
                toSend -= take;
            }

            if (size == 0)
            {
                return (buffer, start, end);
            }
        }
    }

    static (byte[] Buffer, int Start, int End) Compact(byte[] buffer, int start, int end)
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            Buffer.BlockCopy(buffer, 0, bigger, 0, end);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = bigger;
        }

        return (buffer, start, end);
    }

    readonly record struct RequestHead(string Method, string Target, long ContentLength, bool Chunked);

    static RequestHead ParseHead(ReadOnlySpan<byte> head)
    {
        string text = Encoding.ASCII.GetString(head);
        var lines = text.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        long length = 0;
        bool chunked = false;
        foreach (var line in lines.Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line.AsSpan(0, colon).Trim();
            var value = line.AsSpan(colon + 1).Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                chunked = true;
            }
        }

        return new RequestHead(requestLine[0], requestLine.Length > 1 ? requestLine[1] : "/", length, chunked);
    }

    RequestKey Count(StorageService service, RequestHead head, MemoryStream? body)
    {
        string path = head.Target;
        int query = path.IndexOf('?', StringComparison.Ordinal);
        string queryText = query >= 0 ? path[(query + 1)..] : "";
        if (query >= 0)
        {
            path = path[..query];
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // Path style: /{account}/{resource}/...
        string resource = segments.Length > 1 ? segments[1] : "(account)";
        int paren = resource.IndexOf('(', StringComparison.Ordinal);
        string keyPart = paren >= 0 ? resource[paren..] : "";
        if (paren >= 0)
        {
            resource = resource[..paren];
        }

        resource = Uri.UnescapeDataString(resource);
        int operationsInBatch = 0;
        bool isBatch = resource == "$batch";
        string bodyText = body is null ? "" : Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
        if (isBatch)
        {
            resource = TableInBatch(bodyText);
            operationsInBatch = CountOccurrences(bodyText, " HTTP/1.1\r\n");
        }
        bool createsTable = service == StorageService.Table && resource == "Tables" && head.Method == "POST";
        if (createsTable)
        {
            resource = TableCreated(bodyText) ?? resource;
        }

        string operation = createsTable ? "create table" : OperationOf(service, head.Method, segments, keyPart, queryText, isBatch);
        var key = new RequestKey(service, OwnerOf(resource), resource, operation);
        counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (operationsInBatch > 0)
        {
            batchOperations.AddOrUpdate(key, operationsInBatch, (_, n) => n + operationsInBatch);
        }

        return key;
    }

    RequestOwner OwnerOf(string resource)
    {
        if (string.Equals(resource, "devmail", StringComparison.OrdinalIgnoreCase))
        {
            return RequestOwner.Sink;
        }

        string lower = resource.ToLowerInvariant();
        lock (hubPrefixes)
        {
            return hubPrefixes.Any(lower.StartsWith) ? RequestOwner.Engine : RequestOwner.Ours;
        }
    }

    static string OperationOf(StorageService service, string method, string[] segments, string keyPart, string query, bool batch)
    {
        if (batch)
        {
            return "batch";
        }

        return service switch
        {
            StorageService.Queue when segments.Length > 2 && segments[2] == "messages" => method switch
            {
                "GET" => query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase) ? "peek" : "dequeue",
                "POST" => "enqueue",
                "DELETE" => "delete message",
                "PUT" => "update message",
                _ => method,
            },
            StorageService.Queue => method + (query.Contains("comp=metadata", StringComparison.Ordinal) ? " metadata" : " queue"),
            StorageService.Table => method switch
            {
                "GET" when keyPart.Contains("RowKey", StringComparison.Ordinal) => "point read",
                "GET" => "query",
                "POST" => "insert",
                "PUT" => "replace/upsert",
                "MERGE" or "PATCH" => "merge",
                "DELETE" => "delete",
                _ => method,
            },
            _ when query.Contains("comp=lease", StringComparison.Ordinal) => "lease",
            _ when query.Contains("restype=container", StringComparison.Ordinal) => method + " container",
            _ when query.Contains("comp=list", StringComparison.Ordinal) => "list",
            _ => method + " blob",
        };
    }

    static string TableInBatch(string body)
    {
        const string marker = "/" + AzuriteProcess.AccountName + "/";
        int at = 0;
        while ((at = body.IndexOf(marker, at, StringComparison.Ordinal)) >= 0)
        {
            at += marker.Length;
            int stopAt = body.IndexOfAny(['(', '?', ' ', '\r', '/'], at);
            string name = stopAt < 0 ? body[at..] : body[at..stopAt];
            if (name != "$batch" && name.Length > 0)
            {
                return name;
            }
        }

        return "$batch";
    }

    static string? TableCreated(string body)
    {
        const string marker = "\"TableName\":\"";
        int at = body.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        at += marker.Length;
        int stopAt = body.IndexOf('"', at);
        return stopAt < 0 ? null : body[at..stopAt];
    }

    static int CountOccurrences(string text, string what)
    {
        int n = 0, at = 0;
        while ((at = text.IndexOf(what, at, StringComparison.Ordinal)) >= 0)
        {
            n++;
            at += what.Length;
        }

        return n;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        foreach (var listener in listeners)
        {
            listener.Stop();
        }

        await Task.WhenAll(acceptLoops);
        stop.Dispose();
    }
}

/// <summary>
/// One request in flight on a relayed connection: when its head arrived, and when the first byte of its answer
/// did. Whichever of "classified" (after the body is forwarded) and "answered" comes second yields the wait.
/// </summary>
sealed class Exchange
{
    readonly Lock gate = new();
    long sentAt;
    long answeredAt;
    RequestKey? key;

    public void Sent()
    {
        lock (gate)
        {
            sentAt = System.Diagnostics.Stopwatch.GetTimestamp();
            answeredAt = 0;
            key = null;
        }
    }

    public (RequestKey Key, long Ticks)? Counted(RequestKey counted)
    {
        lock (gate)
        {
            if (sentAt == 0)
            {
                return null;
            }

            if (answeredAt == 0)
            {
                key = counted;
                return null;
            }

            long ticks = answeredAt - sentAt;
            sentAt = 0;
            return (counted, ticks);
        }
    }

    public (RequestKey Key, long Ticks)? Answered()
    {
        lock (gate)
        {
            if (sentAt == 0 || answeredAt != 0)
            {
                return null;
            }

            answeredAt = System.Diagnostics.Stopwatch.GetTimestamp();
            if (key is not { } known)
            {
                return null;
            }

            long ticks = answeredAt - sentAt;
            sentAt = 0;
            return (known, ticks);
        }
    }
}

/// <summary>A copy of the counters at one moment; subtract two to get what happened between them.</summary>
public sealed record RequestCounts(
    IReadOnlyDictionary<RequestKey, long> Requests, IReadOnlyDictionary<RequestKey, long> BatchOperations, IReadOnlyDictionary<RequestKey, long> WaitTicks)
{
    public static RequestCounts Empty { get; } = new(new Dictionary<RequestKey, long>(), new Dictionary<RequestKey, long>(), new Dictionary<RequestKey, long>());

    public RequestCounts Minus(RequestCounts earlier) => new(
        Subtract(Requests, earlier.Requests), Subtract(BatchOperations, earlier.BatchOperations), Subtract(WaitTicks, earlier.WaitTicks));

    /// <summary>Mean time the storage took to answer one request of this kind, in milliseconds.</summary>
    public double MeanWaitMs(RequestKey key) =>
        Requests.GetValueOrDefault(key) is > 0 and var n ? WaitTicks.GetValueOrDefault(key) * 1000.0 / System.Diagnostics.Stopwatch.Frequency / n : 0;

    /// <summary>Total time the storage spent answering requests of this kind, in seconds (concurrent requests add up).</summary>
    public double WaitSeconds(RequestKey key) => WaitTicks.GetValueOrDefault(key) / (double)System.Diagnostics.Stopwatch.Frequency;

    public long Total(Func<RequestKey, bool>? where = null) => Requests.Where(kv => where?.Invoke(kv.Key) ?? true).Sum(kv => kv.Value);

    public long Of(RequestOwner owner) => Total(k => k.Owner == owner);

    public long Of(RequestOwner owner, StorageService service) => Total(k => k.Owner == owner && k.Service == service);

    static Dictionary<RequestKey, long> Subtract(IReadOnlyDictionary<RequestKey, long> now, IReadOnlyDictionary<RequestKey, long> before) =>
        now.Select(kv => (kv.Key, Value: kv.Value - before.GetValueOrDefault(kv.Key)))
            .Where(x => x.Value != 0)
            .ToDictionary(x => x.Key, x => x.Value);
}
