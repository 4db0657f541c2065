using Grpc.Net.Client;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Tilskudd.Bench.Infrastructure;

/// <summary>A Durable Task client of a Tilskudd.Local's own engine sidecar (its gRPC port), as the host's Api is one.</summary>
public sealed class HostEngineClient : IAsyncDisposable
{
    readonly GrpcChannel channel;
    readonly ServiceProvider provider;

    HostEngineClient(GrpcChannel channel, ServiceProvider provider)
    {
        this.channel = channel;
        this.provider = provider;
        Engine = provider.GetRequiredService<DurableTaskClient>();
    }

    public DurableTaskClient Engine { get; }

    public static HostEngineClient For(int grpcPort)
    {
        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDurableTaskClient(client => client.UseGrpc(channel));
        return new HostEngineClient(channel, services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        channel.Dispose();
    }
}
