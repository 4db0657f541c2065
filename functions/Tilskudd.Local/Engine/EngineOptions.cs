namespace Tilskudd.Local.Engine;

/// <summary>
/// Settings of the Durable Task engine's Azure Storage provider as the local host runs it.
/// The defaults are tuned for one small machine; each says why.
/// </summary>
public sealed class EngineOptions
{
    public const string Section = "Tilskudd:Engine";

    /// <summary>Task hub name: the prefix of the engine's queues, tables and lease blobs in the account.</summary>
    public string TaskHub { get; set; } = "TilskuddLocal";

    /// <summary>Storage account of the task hub; empty means the product's own storage account.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Loopback port of the gRPC sidecar; 0 picks a free one at start.</summary>
    public int GrpcPort { get; set; }

    /// <summary>
    /// Control-queue partitions, fixed when the task hub is created. Four is the Durable Functions
    /// default, so a hub can move between the local and the Functions host, and it lets up to four
    /// processes share the load; fewer would save a little idle polling on one machine but cap scale-out.
    /// Measured (bench --tune, 1 000 timers): 1, 2 and 8 partitions woke in 50, 33 and 49 s against 24-44 s
    /// for 4 — within this shared machine's noise, so the reasons above decide.
    /// </summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>
    /// The provider backs off to this interval when queues are idle. Its default of 30 s means a new
    /// application can wait half a minute for its receipt mail; 1 s costs about four idle queue reads
    /// a second per partition set, which Azurite and a real account both take easily. Measured: 250 ms
    /// and 5 s woke 1 000 timers in 29 and 25 s, no better than 1 s beyond noise, so 1 s stays.
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a partition lease lasts without renewal. After a crash a restarted worker waits this
    /// long for the dead one's leases; 15 s (default 30 s) halves that wait while leaving renewals
    /// (every 5 s) ample slack on a busy two-core machine.
    /// </summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a control-queue message a worker took stays hidden from others. A worker that dies
    /// holding prefetched messages delays those cases by this much: the default of 5 minutes held a
    /// receipt mail back 5 minutes after a crash here. Orchestration episodes take milliseconds, and
    /// the provider drops a message redelivered after it was done, so 30 s is safe.
    /// </summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The same for activity messages; activities (mail, storage) finish in seconds, so 1 minute.</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Orchestration work items in flight at once. An episode mostly waits on storage, not CPU, and the
    /// sidecar's dispatcher sleeps 500 ms whenever this many are in flight: at 8, 1 000 timers on this
    /// two-core machine woke in 156 s (6 a second, Azurite at 21-23 % CPU, so waiting, not working);
    /// at 100, in 20-44 s over three runs (23-50 a second, Azurite at 75-80 % of its one core, which is
    /// then the limit); 32 took 37-59 s, 300 took 19-23 s with more memory in flight for no clear gain.
    /// </summary>
    public int MaxConcurrentOrchestrations { get; set; } = 100;

    /// <summary>
    /// Activity work items in flight at once; activities wait on storage and mail, and the same 500 ms
    /// dispatcher sleep applies, so as many as orchestrations (measured with them, see above).
    /// </summary>
    public int MaxConcurrentActivities { get; set; } = 100;

    /// <summary>
    /// Control-queue messages fetched per read; 32 is the provider's default and Azure Queues' maximum.
    /// Measured: 16 woke 1 000 timers in 22 s, within the noise of 32's 24-44 s; 32 needs fewer reads.
    /// </summary>
    public int ControlQueueBatchSize { get; set; } = 32;

    /// <summary>
    /// Control-queue messages held in memory per worker before it stops fetching; the provider's default.
    /// Measured: 256 was no faster (1 000 timers in 103 s on a busy machine), so 64 stays.
    /// </summary>
    public int ControlQueueBufferThreshold { get; set; } = 64;

    /// <summary>
    /// Keeps an orchestration's history in memory between episodes; off, as in the provider. The gRPC
    /// sidecar's dispatcher does not run sessions, and measured on it: 12.5 storage requests per
    /// woken orchestration against 13.0 off, 1 000 timers in 25 s, within noise; no gain to pay memory for.
    /// </summary>
    public bool ExtendedSessionsEnabled { get; set; }
}
