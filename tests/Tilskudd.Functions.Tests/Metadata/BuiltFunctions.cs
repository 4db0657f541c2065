using System.Text.Json;

namespace Tilskudd.Functions.Tests.Metadata;

/// <summary>One function as the Functions SDK wrote it into functions.metadata at build.</summary>
public sealed record BuiltFunction(string Name, string EntryPoint, IReadOnlyList<JsonElement> Bindings)
{
    public JsonElement? Trigger => Bindings
        .Where(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal))
        .Select(b => (JsonElement?)b)
        .SingleOrDefault();

    public string? TriggerType => Trigger?.GetProperty("type").GetString();
}

/// <summary>
/// The Functions project's build output as the test sees it. The SDK generates functions.metadata,
/// extensions.json and .azurefunctions/ when Tilskudd.Functions builds, and marks them as content, so
/// the ProjectReference copies them next to Tilskudd.Functions.dll in this test's own output folder:
/// no path into the Functions project's bin (and no guess at its configuration) is needed.
/// </summary>
public static class BuiltFunctions
{
    public static string OutputDirectory => AppContext.BaseDirectory;

    public static string MetadataPath => Path.Combine(OutputDirectory, "functions.metadata");

    public static string ExtensionsPath => Path.Combine(OutputDirectory, "extensions.json");

    /// <summary>host.json's extensions.http.routePrefix: what the host puts before every function's route.</summary>
    public static string RoutePrefix
    {
        get
        {
            using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputDirectory, "host.json")));
            return host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString()!;
        }
    }

    /// <summary>The path a function's route answers on, from the site root, with host.json's prefix.</summary>
    public static string PathOf(string route) =>
        "/" + string.Join('/', new[] { RoutePrefix.Trim('/'), route.Trim('/') }.Where(p => p.Length > 0));

    public static IReadOnlyList<BuiltFunction> Read()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(MetadataPath));
        return document.RootElement.EnumerateArray()
            .Select(f => new BuiltFunction(
                f.GetProperty("name").GetString()!,
                f.GetProperty("entryPoint").GetString()!,
                f.GetProperty("bindings").EnumerateArray().Select(b => b.Clone()).ToList()))
            .ToList();
    }
}
