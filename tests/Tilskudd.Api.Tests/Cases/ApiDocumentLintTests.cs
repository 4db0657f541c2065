using System.Diagnostics;
using System.Text.Json.Nodes;
using Tilskudd.Api.Tests.Fixtures;
using Tilskudd.Testing;

namespace Tilskudd.Api.Tests.Cases;

/// <summary>
/// The OpenAPI document checked from outside: Redocly's linter (@redocly/cli, pinned in package.json) with its
/// recommended rules finds no error in /openapi/v1.json, and every operation of the route table names its security.
/// </summary>
public sealed class ApiDocumentLintTests(TilskuddFixture fixture)
{
    static string Redocly => Path.Combine(RepoPaths.Root, "node_modules", ".bin", "redocly");

    [Fact]
    public async Task The_OpenAPI_document_passes_Redoclys_recommended_rules()
    {
        string json = await fixture.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        string directory = Directory.CreateTempSubdirectory("tilskudd-openapi-").FullName;
        try
        {
            string file = Path.Combine(directory, "openapi.json");
            await File.WriteAllTextAsync(file, json, TestContext.Current.CancellationToken);
            var report = await LintAsync(directory, file);

            var totals = report["totals"]!;
            var errors = report["problems"]!.AsArray()
                .Where(p => p!["severity"]!.GetValue<string>() == "error")
                .Select(p => $"{p!["ruleId"]}: {p["message"]} at {p["location"]?[0]?["pointer"]}");
            Assert.True(totals["errors"]!.GetValue<int>() == 0, "Redocly found errors:\n" + string.Join("\n", errors));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Every_signed_in_operation_names_the_bearer_scheme()
    {
        var document = await fixture.Http.GetJsonAsync("/openapi/v1.json");

        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
        var decision = document["paths"]!["/api/applications/{reference}/decision"]!["post"]!;
        Assert.True(decision["security"]![0]!.AsObject().ContainsKey("bearer"));
        Assert.Equal("reference", decision["parameters"]![0]!["name"]!.GetValue<string>());
        Assert.NotNull(decision["responses"]!["200"]!["content"]!["application/json"]!["schema"]);
    }

    static async Task<JsonNode> LintAsync(string directory, string file)
    {
        Assert.True(File.Exists(Redocly), $"Redocly is not installed at {Redocly}: run npm ci.");
        var start = new ProcessStartInfo(Redocly)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "lint", file, "--format=json" })
        {
            start.ArgumentList.Add(arg);
        }

        // Nothing leaves the machine: no usage telemetry, no update check.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Redocly did not start.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errorOutput = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        string text = await output;
        return JsonNode.Parse(text[text.IndexOf('{', StringComparison.Ordinal)..])
            ?? throw new InvalidOperationException("Redocly wrote no report: " + await errorOutput);
    }
}
