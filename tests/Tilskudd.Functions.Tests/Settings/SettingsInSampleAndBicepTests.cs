using System.Text.Json;
using Tilskudd.Functions.Tests.Infra;

namespace Tilskudd.Functions.Tests.Settings;

/// <summary>
/// Every setting the code reads appears in local.settings.sample.json and in the Function App's app
/// settings in infra/ (as `bicep build` compiles them), and neither holds a setting nobody reads.
/// The only differences between the two are the allow-lists below, each with its reason.
/// </summary>
public sealed class SettingsInSampleAndBicepTests
{
    /// <summary>In the sample, and never in Azure.</summary>
    static readonly Dictionary<string, string> LocalOnly = new(StringComparer.Ordinal)
    {
        // Points at Tilskudd.Local's mail sink, so a developer's host never mails a real person;
        // in Azure mail goes to SendGrid itself (MailOptions: null host).
        ["Tilskudd__Mail__SendGridHost"] = "the local mail sink",
        // Azurite by connection string; in Azure the account is reached by identity (the service URIs below), with no key.
        ["Tilskudd__Storage__ConnectionString"] = "Azurite",
    };

    /// <summary>In Azure, and never in the sample.</summary>
    static readonly Dictionary<string, string> AzureOnly = new(StringComparer.Ordinal)
    {
        // StorageClients reaches the account by Entra ID when both URIs are set; locally the connection string is used.
        ["Tilskudd__Storage__BlobServiceUri"] = "storage by managed identity",
        ["Tilskudd__Storage__TableServiceUri"] = "storage by managed identity",
        ["Tilskudd__Storage__ClientId"] = "which user-assigned identity",
        // No Application Insights locally.
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "telemetry",
        ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "telemetry by identity",
    };

    /// <summary>
    /// Given by the platform in Azure instead of an app setting. Flex Consumption refuses
    /// FUNCTIONS_WORKER_RUNTIME as an app setting; it is the site's functionAppConfig.runtime.name.
    /// </summary>
    static readonly Dictionary<string, string[]> FlexProperty = new(StringComparer.Ordinal)
    {
        ["FUNCTIONS_WORKER_RUNTIME"] = ["functionAppConfig", "runtime", "name"],
    };

    static readonly IReadOnlyDictionary<string, string> Sample = ReadSample();

    static readonly string[] StorageServices = ["blob", "queue", "table"];

    public static TheoryData<string> SettingsRead() => [.. SettingsTheCodeReads.All];

    [Theory]
    [MemberData(nameof(SettingsRead))]
    public void Every_setting_the_code_reads_is_in_the_sample_unless_azure_only(string setting)
    {
        if (AzureOnly.TryGetValue(setting, out string? why))
        {
            Assert.False(SettingsTheCodeReads.Gives(Sample.Keys, setting), $"\"{setting}\" is Azure-only ({why}) but the sample has it.");
        }
        else
        {
            Assert.True(SettingsTheCodeReads.Gives(Sample.Keys, setting), $"local.settings.sample.json has no \"{setting}\".");
        }
    }

    [Theory]
    [MemberData(nameof(SettingsRead))]
    public async Task Every_setting_the_code_reads_is_in_the_bicep_app_settings_unless_local_only(string setting)
    {
        var template = await Bicep.CompiledMainAsync();
        var settings = ArmTemplate.AppSettings(template);

        if (LocalOnly.TryGetValue(setting, out string? why))
        {
            Assert.False(SettingsTheCodeReads.Gives(settings.Keys, setting), $"\"{setting}\" is local-only ({why}) but infra/ sets it.");
        }
        else if (FlexProperty.TryGetValue(setting, out var path))
        {
            Assert.False(settings.ContainsKey(setting), $"Flex Consumption refuses the app setting \"{setting}\".");
            var value = path.Aggregate(ArmTemplate.One(template, "Microsoft.Web/sites").Properties, (e, name) => e.GetProperty(name));
            Assert.Equal(Sample[setting], value.GetString());
        }
        else
        {
            Assert.True(SettingsTheCodeReads.Gives(settings.Keys, setting), $"infra/modules/functions.bicep sets no \"{setting}\".");
        }
    }

    [Fact]
    public void The_sample_holds_no_setting_the_code_does_not_read()
    {
        Assert.All(Sample.Keys, setting => Assert.True(SettingsTheCodeReads.IsRead(setting), $"Nothing reads the sample's \"{setting}\"."));
    }

    [Fact]
    public async Task The_bicep_app_settings_hold_no_setting_the_code_does_not_read()
    {
        var settings = ArmTemplate.AppSettings(await Bicep.CompiledMainAsync());

        Assert.All(settings.Keys, setting => Assert.True(SettingsTheCodeReads.IsRead(setting), $"Nothing reads the app setting \"{setting}\" that infra/ sets."));
    }

    [Fact]
    public async Task In_azure_the_runtimes_storage_is_reached_by_identity_with_no_connection_string()
    {
        var settings = ArmTemplate.AppSettings(await Bicep.CompiledMainAsync());

        Assert.All(SettingsTheCodeReads.Connections, connection =>
        {
            Assert.False(settings.ContainsKey(connection), $"\"{connection}\" is a connection string; in Azure it is reached by identity.");
            Assert.Equal("managedidentity", settings[$"{connection}__credential"]);
            Assert.All(StorageServices, service => Assert.True(settings.ContainsKey($"{connection}__{service}ServiceUri")));
        });
        Assert.All(settings.Values, value => Assert.DoesNotContain("AccountKey=", value, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_allow_lists_name_only_settings_the_code_reads()
    {
        Assert.All(LocalOnly.Keys.Concat(AzureOnly.Keys).Concat(FlexProperty.Keys), setting => Assert.Contains(setting, SettingsTheCodeReads.All));
        Assert.Empty(LocalOnly.Keys.Intersect(AzureOnly.Keys));
    }

    [Fact]
    public void The_settings_the_code_reads_include_every_option_and_the_task_hub()
    {
        Assert.Contains("TaskHubName", SettingsTheCodeReads.All);
        Assert.Contains("Tilskudd__Mail__SendGridApiKey", SettingsTheCodeReads.All);
        Assert.Contains("Tilskudd__Storage__ConnectionString", SettingsTheCodeReads.All);
        Assert.Contains("Tilskudd__Storage__BlobServiceUri", SettingsTheCodeReads.All);
    }

    static Dictionary<string, string> ReadSample()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.File("local.settings.sample.json")));
        return document.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }
}
