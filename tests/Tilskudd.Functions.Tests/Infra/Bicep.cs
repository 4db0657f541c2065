using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Tilskudd.Functions.Tests.Infra;

/// <summary>One run of the bicep CLI: its exit code, what it wrote, and the diagnostics it reported.</summary>
public sealed record BicepRun(int ExitCode, string Output, string Errors)
{
    /// <summary>Lines like "main.bicep(3,7) : Warning no-unused-params: ..." (any level: Error, Warning, Info).</summary>
    public IReadOnlyList<string> Diagnostics => Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(line => line.Contains(" : ", StringComparison.Ordinal))
        .ToList();
}

/// <summary>
/// The bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package, which a restore of this project
/// brings (its folder is in the assembly's metadata, Tilskudd.Functions.Tests.csproj). Runs offline:
/// infra/ has only local modules, and every call passes --no-restore.
/// </summary>
public static class Bicep
{
    public static string MainPath { get; } = RepositoryRoot.File("infra", "main.bicep");

    public static string ExecutablePath { get; } = FindExecutable();

    static readonly Lazy<Task<JsonElement>> Main = new(BuildMainAsync);

    /// <summary>infra/main.bicep compiled to an ARM template (built once per test run).</summary>
    public static Task<JsonElement> CompiledMainAsync() => Main.Value;

    public static async Task<BicepRun> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 2 minutes.");
        }

        return new BicepRun(process.ExitCode, await output, await errors);
    }

    static async Task<JsonElement> BuildMainAsync()
    {
        var run = await RunAsync("build", MainPath, "--stdout", "--no-restore");
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed ({run.ExitCode}):\n{run.Errors}");
        }

        using var document = JsonDocument.Parse(run.Output);
        return document.RootElement.Clone();
    }

    static string FindExecutable()
    {
        string package = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPackagePath").Value
            ?? throw new InvalidOperationException("BicepPackagePath is empty: restore tests/Tilskudd.Functions.Tests.");
        string path = Path.Combine(package, "tools", "bicep");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No bicep at {path}: restore tests/Tilskudd.Functions.Tests (Azure.Bicep.CommandLine.linux-x64).", path);
        }

        // NuGet does not promise to keep the executable bit of a package's files.
        if (OperatingSystem.IsWindows())
        {
            return path;
        }

        var mode = File.GetUnixFileMode(path);
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }

        return path;
    }
}
