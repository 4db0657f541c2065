using System.Xml.Linq;

namespace Tilskudd.Functions.Tests.Infra;

/// <summary>
/// infra/ builds and lints clean with the bicep CLI of the restored package: zero errors, zero
/// warnings. This is the CI check of the Bicep (`.ci/run` runs these tests through ./test.sh).
/// </summary>
public sealed class BicepTests
{
    [Fact]
    public async Task The_bicep_cli_is_the_version_the_repository_pins()
    {
        string pinned = XDocument.Load(RepositoryRoot.File("Directory.Packages.props")).Descendants("PackageVersion")
            .Single(p => (string?)p.Attribute("Include") == "Azure.Bicep.CommandLine.linux-x64").Attribute("Version")!.Value;

        var run = await Bicep.RunAsync("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Bicep CLI version {pinned} ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_builds_with_no_error_and_no_warning()
    {
        var run = await Bicep.RunAsync("build", Bicep.MainPath, "--stdout", "--no-restore");

        Assert.True(run.ExitCode == 0, $"bicep build failed ({run.ExitCode}):\n{run.Errors}");
        Assert.Empty(run.Diagnostics);
        Assert.Contains("subscriptionDeploymentTemplate.json", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_and_its_modules_lint_with_no_error_and_no_warning()
    {
        var run = await Bicep.RunAsync("lint", Bicep.MainPath, "--no-restore");

        Assert.True(run.ExitCode == 0, $"bicep lint failed ({run.ExitCode}):\n{run.Errors}");
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void Every_module_is_used_by_main_so_the_lint_of_main_covers_it()
    {
        string main = File.ReadAllText(Bicep.MainPath);
        var modules = Directory.GetFiles(RepositoryRoot.File("infra", "modules"), "*.bicep");

        Assert.NotEmpty(modules);
        Assert.All(modules, module => Assert.Contains($"'modules/{Path.GetFileName(module)}'", main, StringComparison.Ordinal));
    }

    [Fact]
    public void Infra_uses_only_local_modules_so_it_builds_offline()
    {
        var files = Directory.GetFiles(RepositoryRoot.File("infra"), "*.bicep", SearchOption.AllDirectories);

        Assert.All(files, file =>
        {
            string text = File.ReadAllText(file);
            Assert.DoesNotContain("'br/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'br:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts:", text, StringComparison.Ordinal);
            Assert.DoesNotContain("'ts/", text, StringComparison.Ordinal);
        });
    }
}
