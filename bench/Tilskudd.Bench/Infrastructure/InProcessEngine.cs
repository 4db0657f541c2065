using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tilskudd.Local.Engine;

namespace Tilskudd.Bench.Infrastructure;

/// <summary>
/// The engine as Tilskudd.Local runs it, without the Api: <see cref="EngineSidecar"/> (the gRPC
/// sidecar over the Azure Storage provider) plus a Microsoft.DurableTask worker and client on its
/// channel, wired the way functions/Tilskudd.Local/Program.cs wires them.
/// </summary>
public sealed class InProcessEngine : IAsyncDisposable
{
    readonly EngineSidecar sidecar;
    readonly IHost host;

    InProcessEngine(EngineSidecar sidecar, IHost host)
    {
        this.sidecar = sidecar;
        this.host = host;
    }

    public DurableTaskClient Client => host.Services.GetRequiredService<DurableTaskClient>();

    public static async Task<InProcessEngine> StartAsync(EngineOptions options, string connectionString, Action<DurableTaskRegistry> tasks, Action<IServiceCollection>? services = null)
    {
        var loggerFactory = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning));
        var sidecar = new EngineSidecar(options, connectionString, loggerFactory);
        await sidecar.StartAsync(CancellationToken.None);

        // No defaults: the bench's folder holds Tilskudd.Local's appsettings.json, which is not the bench's.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        services?.Invoke(builder.Services);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(sidecar.Channel);
            worker.AddTasks(tasks);
        });
        builder.Services.AddDurableTaskClient(client => client.UseGrpc(sidecar.Channel));
        var host = builder.Build();
        await host.StartAsync();
        return new InProcessEngine(sidecar, host);
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await host.StopAsync(cts.Token);
            await sidecar.StopAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            // The process ends anyway; a stuck stop must not hang the bench.
        }

        host.Dispose();
        await sidecar.DisposeAsync();
    }
}
