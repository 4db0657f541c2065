namespace Tilskudd.Bench.Infrastructure;

/// <summary>Where the repository's pieces are, found by walking up from the bench's output folder.</summary>
static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Azurite => Path.Combine(Root, "node_modules", ".bin", "azurite");

    public static string LocalHostDll => Path.Combine(Root, "functions", "Tilskudd.Local", "bin", "Release", "net10.0", "Tilskudd.Local.dll");

    public static string ExampleApplication => Path.Combine(Root, "docs", "examples", "soknad-alta.json");

    public static string Results => Path.Combine(Root, "bench", "results");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tilskudd.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Tilskudd.Functions.sln not found above " + AppContext.BaseDirectory);
    }
}
