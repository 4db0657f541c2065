using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Tilskudd.Bench.Infrastructure;

namespace Tilskudd.Bench.Report;

/// <summary>What the figures were measured on.</summary>
public static class Machine
{
    public static string Describe()
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        long memKb = File.Exists("/proc/meminfo")
            ? long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture)
            : 0;
        return $"{Environment.ProcessorCount} cores ({cpu}), {memKb / 1024 / 1024.0:0.0} GB memory, {RuntimeInformation.OSDescription}, " +
            $".NET {Environment.Version}, Azurite {AzuriteVersion()} in memory ({BenchAzurite.Describe}), commit {Commit()}";
    }

    /// <summary>The machine's 1-minute load average: other work on a shared machine shows here (2 cores: above 2 is a queue).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    static string AzuriteVersion()
    {
        try
        {
            using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "node_modules", "azurite", "package.json")));
            return package.RootElement.GetProperty("version").GetString() ?? "?";
        }
        catch (IOException)
        {
            return "?";
        }
    }

    static string Commit()
    {
        try
        {
            var start = new ProcessStartInfo("git", "rev-parse --short HEAD") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var git = Process.Start(start)!;
            string head = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return head.Length > 0 ? head : "?";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }
}
