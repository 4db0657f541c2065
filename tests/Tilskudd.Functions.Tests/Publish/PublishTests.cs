using System.Diagnostics;

namespace Tilskudd.Functions.Tests.Publish;

/// <summary>
/// What goes to Azure: `dotnet publish -c Release` of the Functions project, run once into a
/// temporary folder (about a minute). A developer's local.settings.json (made from the sample when
/// there is none) must stay behind: it holds their keys.
/// </summary>
public sealed class PublishTests
{
    [Fact]
    public async Task A_release_publish_holds_the_function_metadata_and_no_local_settings()
    {
        string project = RepositoryRoot.File("functions", "Tilskudd.Functions");
        string localSettings = Path.Combine(project, "local.settings.json");
        bool madeLocalSettings = !File.Exists(localSettings);
        string output = Directory.CreateTempSubdirectory("tilskudd-functions-publish-").FullName;
        try
        {
            if (madeLocalSettings)
            {
                File.Copy(RepositoryRoot.File("local.settings.sample.json"), localSettings);
            }

            var (exitCode, log) = await RunAsync("dotnet", ["publish", project, "-c", "Release", "-o", output, "-nologo", "-v", "quiet", "--disable-build-servers", "-nodeReuse:false"]);

            Assert.True(exitCode == 0, $"dotnet publish failed ({exitCode}):\n{log}");
            foreach (string file in new[] { "functions.metadata", "host.json", "extensions.json", "worker.config.json", "Tilskudd.Functions.dll" })
            {
                Assert.True(File.Exists(Path.Combine(output, file)), $"{file} is missing from the publish output.");
            }

            Assert.Empty(Directory.GetFiles(output, "local.settings*.json", SearchOption.AllDirectories));
        }
        finally
        {
            if (madeLocalSettings)
            {
                File.Delete(localSettings);
            }

            Directory.Delete(output, recursive: true);
        }
    }

    static async Task<(int ExitCode, string Log)> RunAsync(string fileName, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test runs under `dotnet test`, whose MSBuild variables would steer the child build.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        // A publish does not depend on the date, and MSBuild under Debian's libfaketime (the suite run on a moved date,
        // ./test.sh --date) never hears from its build nodes: "In-proc node failed to start up within 900000ms". Nor
        // may it reuse a build node that `dotnet test` left running under the moved clock (--disable-build-servers).
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("FAKETIME", StringComparison.Ordinal) || k == "LD_PRELOAD").ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        // 1 minute on a quiet machine; a full suite beside another one took a publish past 5 minutes three times.
        timeout.CancelAfter(TimeSpan.FromMinutes(12));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within 12 minutes:\n{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
