namespace Tilskudd.Testing;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release, as this test assembly was built.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string LocalHostDirectory => Path.Combine(Root, "functions", "Tilskudd.Local", "bin", Configuration, "net10.0");

    public static string Azurite => Path.Combine(Root, "node_modules", ".bin", "azurite");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tilskudd.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (Tilskudd.Functions.sln) above " + AppContext.BaseDirectory);
    }
}
