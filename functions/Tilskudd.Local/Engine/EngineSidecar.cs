using System.Net;
using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace Tilskudd.Local.Engine;

/// <summary>
/// The Durable Task engine inside the local host: the engine's gRPC sidecar (TaskHubGrpcServer)
/// over the Azure Storage provider that Durable Functions uses, on a loopback-only HTTP/2 port.
/// The worker and client of the host talk to it through <see cref="Channel"/>. We write no engine:
/// this class only wires the real one up.
/// </summary>
public sealed partial class EngineSidecar : IHostedService, IAsyncDisposable
{
    readonly EngineOptions options;
    readonly string connectionString;
    readonly ILoggerFactory loggerFactory;
    readonly ILogger logger;
    WebApplication? server;

    public EngineSidecar(EngineOptions options, string connectionString, ILoggerFactory loggerFactory)
    {
        this.options = options;
        this.connectionString = connectionString;
        this.loggerFactory = loggerFactory;
        logger = loggerFactory.CreateLogger<EngineSidecar>();
        Port = options.GrpcPort != 0 ? options.GrpcPort : FreeLoopbackPort();
        Address = new Uri($"http://127.0.0.1:{Port}");
        Channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions { LoggerFactory = loggerFactory });
    }

    public int Port { get; }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    public AzureStorageOrchestrationService CreateService() => new(new AzureStorageOrchestrationServiceSettings
    {
        StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
        TaskHubName = options.TaskHub,
        PartitionCount = options.PartitionCount,
        MaxQueuePollingInterval = options.MaxQueuePollingInterval,
        LeaseInterval = options.LeaseInterval,
        LeaseRenewInterval = options.LeaseRenewInterval,
        ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
        WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,
        MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
        MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
        ControlQueueBatchSize = options.ControlQueueBatchSize,
        ControlQueueBufferThreshold = options.ControlQueueBufferThreshold,
        ExtendedSessionsEnabled = options.ExtendedSessionsEnabled,
        LoggerFactory = loggerFactory,
    });

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var service = CreateService();
        await service.CreateIfNotExistsAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        // The sidecar listens only where Listen() says, never on the host's ASPNETCORE_URLS.
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, string.Empty);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, Port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(grpc => grpc.MaxReceiveMessageSize = 16 * 1024 * 1024);
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        server = builder.Build();
        server.MapGrpcService<TaskHubGrpcServer>();
        await server.StartAsync(cancellationToken);
        LogStarted(logger, options.TaskHub, Port, options.PartitionCount);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is not null)
        {
            await server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable Task engine started: task hub {TaskHub} on Azure Storage, sidecar on 127.0.0.1:{Port}, {Partitions} partitions")]
    static partial void LogStarted(ILogger logger, string taskHub, int port, int partitions);
}
