using System.Net.Sockets;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Tilskudd.Testing;

/// <summary>Starts the Durable Task engine's in-process test host on a port that is free.</summary>
public static class DurableTestHost
{
    /// <summary>
    /// Left to itself the test host picks a random port, which can be one another process's connection holds: Linux
    /// hands out 32768–60999 to outgoing connections, and with six test assemblies, Azurites and hosts running at once
    /// one CI run failed on "address already in use". Here the OS names a free port, and a port taken by the time the
    /// host binds it is replaced by another, up to three times.
    /// </summary>
    public static async Task<DurableTaskTestHost> StartAsync(
        Action<DurableTaskRegistry> registry, Action<IServiceCollection>? services, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            var options = new DurableTaskTestHostOptions { Port = FreePorts.Next(), ConfigureServices = services };
            try
            {
                return await DurableTaskTestHost.StartAsync(registry, options, cancellationToken);
            }
            catch (IOException e) when (attempt < 3 && e.InnerException?.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                // Taken between FreePorts and the bind: another port.
            }
        }
    }
}
