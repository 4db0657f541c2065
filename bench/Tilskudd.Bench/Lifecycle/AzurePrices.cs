using Tilskudd.Bench.Infrastructure;

namespace Tilskudd.Bench.Lifecycle;

/// <summary>
/// What Azure bills per storage request. ASSUMED list prices, not fetched (this machine has no network):
/// pay-as-you-go, general-purpose v2, LRS, hot tier, USD, as the Azure Storage pricing pages
/// (azure.microsoft.com/pricing/details/storage/blobs, /queues, /tables) listed them in 2024–2025 for
/// West Europe; check them before quoting a budget. A table batch is billed as one transaction.
/// </summary>
public static class AzurePrices
{
    public const string Source = "assumed Azure list prices (pay-as-you-go, GPv2 LRS hot, USD, West Europe, as published 2024–2025; not fetched here)";

    /// <summary>Table storage: every transaction, per 10 000.</summary>
    public const double TablePer10k = 0.00036;

    /// <summary>Queue storage class 1 (put, get/dequeue, update, delete message; create queue), per 10 000.</summary>
    public const double QueueWritePer10k = 0.05;

    /// <summary>Queue storage class 2 (peek, metadata), per 10 000.</summary>
    public const double QueueReadPer10k = 0.004;

    /// <summary>Hot blob write operations (put blob/block, lease, create container, list), per 10 000.</summary>
    public const double BlobWritePer10k = 0.065;

    /// <summary>Hot blob read operations (get blob, properties), per 10 000.</summary>
    public const double BlobReadPer10k = 0.005;

    public static double UsdPerRequest(RequestKey key) => key.Service switch
    {
        StorageService.Table => TablePer10k / 10_000,
        StorageService.Queue when key.Operation is "peek" || key.Operation.Contains("metadata", StringComparison.Ordinal) || key.Operation == "GET queue" => QueueReadPer10k / 10_000,
        StorageService.Queue => QueueWritePer10k / 10_000,
        StorageService.Blob when key.Operation is "GET blob" or "HEAD blob" or "GET container" or "HEAD container" => BlobReadPer10k / 10_000,
        _ => BlobWritePer10k / 10_000,
    };

    public static double Usd(RequestCounts counts, Func<RequestKey, bool>? where = null) =>
        counts.Requests.Where(kv => where?.Invoke(kv.Key) ?? true).Sum(kv => kv.Value * UsdPerRequest(kv.Key));
}
