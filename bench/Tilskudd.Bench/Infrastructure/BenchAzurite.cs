using AzuriteProcess = Tilskudd.Testing.AzuriteProcess;

namespace Tilskudd.Bench.Infrastructure;

/// <summary>
/// The Azurite every scenario of one run starts: stock (what ./run.sh and the tests run), or with the
/// indexed stores (<c>bench/azurite/indexed-store.js</c>: the same answers, without stock
/// Azurite's index rebuilds on each dequeue and its walk through a whole table on each partition query). Chosen once per run by
/// <c>--azurite-store stock|indexed</c>.
/// </summary>
public static class BenchAzurite
{
    public static bool Indexed { get; private set; }

    public static string Describe => Indexed ? "with bench/azurite/indexed-store.js" : "stock";

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
        AzuriteProcess.StartAsync(Indexed ? Path.Combine(RepoPaths.Root, "bench", "azurite", "indexed-store.js") : null);
}
