using System.Diagnostics;
using System.Text.RegularExpressions;
using Tilskudd.Api.Tests.Fixtures;
using Tilskudd.Testing;

namespace Tilskudd.Api.Tests.Docs;

/// <summary>
/// The README's "Try it" commands, run as a person would paste them, against a host whose development clock stands on
/// the day the test names: the round they apply to follows that day, so the section is true on any day it is read.
/// </summary>
public sealed partial class ReadmeTryItTests
{
    const string ReadmeAddress = "http://127.0.0.1:7071";

    [Theory]
    [InlineData("2026-12-04T10:00:00+01:00", "alta-2027")] // Oslo's 2027 round closed on 30 November 2026; Alta's is open until 15 April 2027.
    [InlineData("2027-06-01T12:00:00+02:00", "alta-2028")] // after Alta's 2027 deadline: the host opened the next round itself.
    [InlineData("2031-01-10T09:00:00+01:00", "alta-2031")]
    public async Task The_try_it_commands_apply_to_the_round_open_on_the_day_they_are_run(string today, string openRound)
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var host = new LocalHostProcess(azurite.ConnectionString, "ReadmeTryIt")
        {
            ClockStart = DateTimeOffset.Parse(today, System.Globalization.CultureInfo.InvariantCulture),
        };
        await host.StartAsync();
        string script = TryItScript().Replace(ReadmeAddress, host.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal);

        var (exitCode, output) = await RunBashAsync(script + "\necho \"ROUND=$ROUND REF=$REF\"\n");

        Assert.True(exitCode == 0, $"The commands failed ({exitCode}):{Environment.NewLine}{output}{Environment.NewLine}{host.Output}");
        string year = openRound[(openRound.LastIndexOf('-') + 1)..];
        Assert.Matches($"ROUND={openRound} REF=ALT-{year}-\\d{{4}}", output);
        Assert.Contains("\"status\":", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_try_it_section_names_no_round_or_reference_of_a_particular_year()
    {
        Assert.Empty(RoundOrReference().Matches(TryItSection()).Select(m => m.Value));
    }

    /// <summary>From "## Try it" up to the next heading of its level.</summary>
    static string TryItSection()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        int start = readme.IndexOf("\n## Try it\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no section \"## Try it\".");
        int end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return readme[start..(end < 0 ? readme.Length : end)];
    }

    /// <summary>The section's first three shell blocks (rounds, submit, read back), less the line that opens a browser.</summary>
    static string TryItScript()
    {
        var blocks = ShellBlock().Matches(TryItSection()).Select(m => m.Groups[1].Value).Take(3).ToList();
        Assert.Equal(3, blocks.Count);
        return "set -euo pipefail\n" + string.Join("\n", blocks.SelectMany(b => b.Split('\n')).Where(line => !line.StartsWith("xdg-open", StringComparison.Ordinal)));
    }

    static async Task<(int ExitCode, string Output)> RunBashAsync(string script)
    {
        string temp = Directory.CreateTempSubdirectory("readme-").FullName;
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepoPaths.Root, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["TMPDIR"] = temp;
        using var bash = Process.Start(start)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        await bash.StandardInput.WriteAsync(script);
        bash.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await bash.WaitForExitAsync(timeout.Token);
        Directory.Delete(temp, recursive: true);
        return (bash.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex("```sh\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex("\\b(alta|oslo)-20\\d\\d\\b|\\b(ALT|OSL)-20\\d\\d\\b")]
    private static partial Regex RoundOrReference();
}
