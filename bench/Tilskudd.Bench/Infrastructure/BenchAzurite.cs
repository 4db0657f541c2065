using AzuriteProcess = Tilskudd.Testing.AzuriteProcess;

namespace Tilskudd.Bench.Infrastructure;

/// <summary>
/// The Azurite every scenario of one run starts: stock (what ./run.sh and the tests run), or with the
/// indexed queue store (<c>bench/azurite/indexed-queue-store.js</c>: the same answers, without stock
/// Azurite's walk through every stored message on each dequeue and delete). Chosen once per run by
/// <c>--azurite-store stock|indexed</c>.
/// </summary>
public static class BenchAzurite
{
    public static bool Indexed { get; private set; }

    public static string Describe => Indexed ? "with the indexed queue store (bench/azurite/indexed-queue-store.js)" : "stock";

    public static void Choose(string? store)
    {
        Indexed = store switch
        {
            null or "stock" => false,
            "indexed" => true,
            _ => throw new ArgumentException($"--azurite-store takes stock or indexed, not {store}."),
        };
    }

    public static Task<AzuriteProcess> StartAsync() =>
        AzuriteProcess.StartAsync(Indexed ? Path.Combine(RepoPaths.Root, "bench", "azurite", "indexed-queue-store.js") : null);
}
