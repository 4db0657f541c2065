using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tilskudd.Functions.Tests.Settings;

/// <summary>
/// host.json as built, and local.settings.sample.json: safe local values, none of them secret. Which
/// settings the sample (and infra/) must hold: SettingsInSampleAndBicepTests.
/// </summary>
public sealed partial class HostSettingsTests
{
    static readonly JsonElement Host = Parse(Path.Combine(AppContext.BaseDirectory, "host.json"));
    static readonly JsonElement Sample = Parse(RepositoryRoot.File("local.settings.sample.json"));
    static readonly Dictionary<string, string> SampleValues = Sample.GetProperty("Values").EnumerateObject()
        .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

    static JsonElement Parse(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    [Fact]
    public void Every_app_setting_host_json_refers_to_has_a_sample_setting()
    {
        var referred = AppSettingReference().Matches(Host.GetRawText()).Select(m => m.Groups[1].Value)
            .Append(Host.GetProperty("extensions").GetProperty("durableTask").GetProperty("storageProvider").GetProperty("connectionName").GetString()!)
            .ToList();

        Assert.Contains("TaskHubName", referred);
        Assert.All(referred, name => Assert.True(SampleValues.ContainsKey(name), $"local.settings.sample.json has no \"{name}\"."));
    }

    [Fact]
    public void The_sample_runs_the_isolated_worker_on_local_storage()
    {
        Assert.False(Sample.GetProperty("IsEncrypted").GetBoolean());
        Assert.Equal("dotnet-isolated", SampleValues["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("UseDevelopmentStorage=true", SampleValues["AzureWebJobsStorage"]);
    }

    [Fact]
    public void The_sample_holds_no_secrets()
    {
        Assert.All(SampleValues, setting =>
        {
            Assert.DoesNotContain("AccountKey=", setting.Value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature=", setting.Value, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Contains("placeholder", SampleValues["Tilskudd__Mail__SendGridApiKey"], StringComparison.Ordinal);
    }

    [Fact]
    public void Http_functions_keep_their_paths_so_pages_are_served_where_the_local_host_has_them()
    {
        // The Api's routes say "api/..." themselves; the page function's catch-all answers everything else.
        Assert.Equal("", Host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void Orchestration_inputs_and_outputs_stay_out_of_the_logs()
    {
        // Case inputs carry the contact person's e-mail address: personal data, never logged.
        var tracing = Host.GetProperty("extensions").GetProperty("durableTask").GetProperty("tracing");
        Assert.False(tracing.GetProperty("traceInputsAndOutputs").GetBoolean());
    }

    [GeneratedRegex("%([A-Za-z0-9_]+)%")]
    private static partial Regex AppSettingReference();
}
