using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Tilskudd.Functions.Tests.Infra;

/// <summary>What infra/main.bicep asks Azure for, read from the template `bicep build` makes of it.</summary>
public sealed partial class TemplateTests
{
    static Task<JsonElement> Template() => Bicep.CompiledMainAsync();

    [Fact]
    public async Task The_function_app_runs_the_dotnet_isolated_worker_on_flex_consumption_at_the_projects_framework()
    {
        var template = await Template();
        var plan = ArmTemplate.One(template, "Microsoft.Web/serverfarms").Resource;
        var app = ArmTemplate.One(template, "Microsoft.Web/sites");
        var runtime = app.Properties.GetProperty("functionAppConfig").GetProperty("runtime");
        string targetFramework = XDocument.Load(RepositoryRoot.File("Directory.Build.props")).Descendants("TargetFramework").Single().Value;

        Assert.Equal("FC1", plan.GetProperty("sku").GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());
        Assert.True(plan.GetProperty("properties").GetProperty("reserved").GetBoolean(), "A Flex Consumption plan is Linux (reserved).");
        Assert.Equal("functionapp,linux", app.Resource.GetProperty("kind").GetString());
        Assert.Equal("dotnet-isolated", runtime.GetProperty("name").GetString());
        Assert.Equal(targetFramework, $"net{runtime.GetProperty("version").GetString()}");
    }

    [Fact]
    public async Task Entra_ID_sign_in_stands_in_front_of_the_app_when_a_registration_is_given_and_lets_applicants_through()
    {
        var template = await Template();
        var signIn = ArmTemplate.One(template, "Microsoft.Web/sites/config");
        var deployment = ArmTemplate.Resources(template).Single(r => r.Type == "Microsoft.Resources/deployments" && r.Resource.GetProperty("name").GetString() == "signin");

        Assert.Contains("signInClientId", deployment.Resource.GetProperty("condition").GetString(), StringComparison.Ordinal);
        Assert.True(signIn.Properties.GetProperty("platform").GetProperty("enabled").GetBoolean());
        Assert.Equal("AllowAnonymous", signIn.Properties.GetProperty("globalValidation").GetProperty("unauthenticatedClientAction").GetString());
        Assert.True(signIn.Properties.GetProperty("identityProviders").GetProperty("azureActiveDirectory").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task The_function_app_answers_https_only_with_tls_1_2_and_no_publishing_passwords()
    {
        var template = await Template();
        var app = ArmTemplate.One(template, "Microsoft.Web/sites").Properties;
        var policies = ArmTemplate.Resources(template).Where(r => r.Type == "Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.True(app.GetProperty("httpsOnly").GetBoolean());
        Assert.Equal("1.2", app.GetProperty("siteConfig").GetProperty("minTlsVersion").GetString());
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False(p.Properties.GetProperty("allow").GetBoolean()));
    }

    [Fact]
    public async Task The_function_app_uses_its_user_assigned_identity_for_storage_deployment_and_key_vault()
    {
        var template = await Template();
        var app = ArmTemplate.One(template, "Microsoft.Web/sites");
        var settings = ArmTemplate.AppSettings(template);
        var deployment = app.Properties.GetProperty("functionAppConfig").GetProperty("deployment").GetProperty("storage");

        Assert.Equal("UserAssigned", app.Resource.GetProperty("identity").GetProperty("type").GetString());
        Assert.Equal("[parameters('identityId')]", app.Properties.GetProperty("keyVaultReferenceIdentity").GetString());
        Assert.Equal("UserAssignedIdentity", deployment.GetProperty("authentication").GetProperty("type").GetString());
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal("[parameters('identityClientId')]", settings["Tilskudd__Storage__ClientId"]);
        Assert.Contains("identityClientId", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
        Assert.Contains("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
        Assert.Contains("'identity'", ArmTemplate.ModuleParameter(template, "api", "identityId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_storage_account_takes_no_shared_key_no_anonymous_blob_access_and_only_tls_1_2()
    {
        var storage = ArmTemplate.One(await Template(), "Microsoft.Storage/storageAccounts").Properties;

        Assert.False(storage.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(storage.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.True(storage.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.True(storage.GetProperty("defaultToOAuthAuthentication").GetBoolean());
        Assert.Equal("TLS1_2", storage.GetProperty("minimumTlsVersion").GetString());
    }

    [Fact]
    public async Task Attachments_and_letters_keep_their_versions_and_deleted_blobs_can_be_restored()
    {
        var blobs = ArmTemplate.One(await Template(), "Microsoft.Storage/storageAccounts/blobServices").Properties;

        Assert.True(blobs.GetProperty("isVersioningEnabled").GetBoolean());
        Assert.True(blobs.GetProperty("deleteRetentionPolicy").GetProperty("enabled").GetBoolean());
        Assert.True(blobs.GetProperty("containerDeleteRetentionPolicy").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Earlier_versions_and_deleted_blobs_live_at_most_30_days()
    {
        var template = await Template();
        var blobs = ArmTemplate.One(template, "Microsoft.Storage/storageAccounts/blobServices").Properties;
        var policy = ArmTemplate.One(template, "Microsoft.Storage/storageAccounts/managementPolicies").Properties;

        Assert.InRange(blobs.GetProperty("deleteRetentionPolicy").GetProperty("days").GetInt32(), 1, 30);
        var rule = Assert.Single(policy.GetProperty("policy").GetProperty("rules").EnumerateArray());
        Assert.True(rule.GetProperty("enabled").GetBoolean());
        Assert.InRange(rule.GetProperty("definition").GetProperty("actions").GetProperty("version").GetProperty("delete").GetProperty("daysAfterCreationGreaterThan").GetInt32(), 1, 30);
    }

    [Fact]
    public async Task The_key_vault_cannot_be_purged_before_its_retention_ends()
    {
        var vault = ArmTemplate.One(await Template(), "Microsoft.KeyVault/vaults").Properties;

        Assert.True(vault.GetProperty("enablePurgeProtection").GetBoolean());
        Assert.True(vault.GetProperty("enableSoftDelete").GetBoolean());
    }

    [Fact]
    public async Task The_sendgrid_key_lives_in_key_vault_and_the_app_reads_it_by_reference()
    {
        var template = await Template();
        var vault = ArmTemplate.One(template, "Microsoft.KeyVault/vaults").Properties;
        var secret = ArmTemplate.One(template, "Microsoft.KeyVault/vaults/secrets");
        var settings = ArmTemplate.AppSettings(template);

        Assert.True(vault.GetProperty("enableRbacAuthorization").GetBoolean(), "Access to the vault is by Azure RBAC, not access policies.");
        Assert.Equal("securestring", template.GetProperty("parameters").GetProperty("sendGridApiKey").GetProperty("type").GetString());
        Assert.Equal("securestring", secret.Template.GetProperty("parameters").GetProperty("sendGridApiKey").GetProperty("type").GetString());
        Assert.Equal("[parameters('sendGridApiKey')]", secret.Properties.GetProperty("value").GetString());
        Assert.Equal("[format('@Microsoft.KeyVault(SecretUri={0})', parameters('sendGridApiKeySecretUri'))]", settings["Tilskudd__Mail__SendGridApiKey"]);
        Assert.Contains("outputs.sendGridApiKeySecretUri", ArmTemplate.ModuleParameter(template, "api", "sendGridApiKeySecretUri"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_apps_identity_gets_exactly_its_data_roles_each_on_the_resource_it_needs()
    {
        var template = await Template();
        var assignments = RoleAssignments(template).Where(a => a.Principal == "appPrincipalId").Select(a => (a.Scope, a.Role)).ToHashSet();

        (string Scope, string Role)[] expected =
        [
            ("Microsoft.Storage/storageAccounts", BuiltInRoles.StorageBlobDataOwner),
            ("Microsoft.Storage/storageAccounts", BuiltInRoles.StorageQueueDataContributor),
            ("Microsoft.Storage/storageAccounts", BuiltInRoles.StorageTableDataContributor),
            ("Microsoft.KeyVault/vaults", BuiltInRoles.KeyVaultSecretsUser),
            ("Microsoft.Insights/components", BuiltInRoles.MonitoringMetricsPublisher),
        ];
        Assert.Equal(expected.ToHashSet(), assignments);
        Assert.Contains("outputs.principalId", ArmTemplate.ModuleParameter(template, "roles", "appPrincipalId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_developer_gets_storage_data_roles_only_when_azd_names_them()
    {
        var template = await Template();
        var developer = RoleAssignments(template).Where(a => a.Principal == "developerPrincipalId").ToList();

        Assert.Equal(
            new[] { BuiltInRoles.StorageBlobDataContributor, BuiltInRoles.StorageQueueDataContributor, BuiltInRoles.StorageTableDataContributor }.Order(),
            developer.Select(a => a.Role).Order());
        Assert.All(developer, a => Assert.Equal("[not(empty(parameters('developerPrincipalId')))]", a.Condition));
    }

    [Fact]
    public async Task Azd_gets_the_outputs_it_needs_and_no_secret()
    {
        var outputs = (await Template()).GetProperty("outputs");

        foreach (string name in new[] { "AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_RESOURCE_GROUP", "AZURE_FUNCTION_NAME", "AZURE_FUNCTION_URI", "AZURE_KEY_VAULT_NAME" })
        {
            Assert.True(outputs.TryGetProperty(name, out _), $"main.bicep has no output {name}.");
        }

        Assert.All(outputs.EnumerateObject(), o => Assert.DoesNotContain("sendGridApiKey'", o.Value.GetRawText(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Azd_finds_the_function_app_by_its_service_tag()
    {
        var app = ArmTemplate.One(await Template(), "Microsoft.Web/sites");

        Assert.Contains("'azd-service-name', 'api'", app.Resource.GetProperty("tags").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_parameters_give_every_required_parameter_from_azds_environment()
    {
        var declared = (await Template()).GetProperty("parameters");
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.File("infra", "main.parameters.json")));
        var given = document.RootElement.GetProperty("parameters").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("value").GetString()!, StringComparer.Ordinal);

        Assert.Equal("${AZURE_ENV_NAME}", given["environmentName"]);
        Assert.Equal("${AZURE_LOCATION}", given["location"]);
        Assert.Equal("${AZURE_PRINCIPAL_ID}", given["principalId"]);
        Assert.All(given.Keys, name => Assert.True(declared.TryGetProperty(name, out _), $"main.bicep declares no parameter {name}."));
        Assert.All(
            declared.EnumerateObject().Where(p => !p.Value.TryGetProperty("defaultValue", out _)),
            p => Assert.True(given.ContainsKey(p.Name), $"main.parameters.json does not give {p.Name}, which has no default."));
    }

    [Fact]
    public void Azure_yaml_deploys_the_functions_project_as_the_function_service_api()
    {
        var lines = File.ReadAllLines(RepositoryRoot.File("azure.yaml")).Where(l => !l.TrimStart().StartsWith('#') && l.Trim().Length > 0).ToList();
        int api = lines.IndexOf("  api:");
        var service = lines.Skip(api + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(':', 2)).ToDictionary(kv => kv[0], kv => kv[1].Trim(), StringComparer.Ordinal);

        Assert.Contains("services:", lines);
        Assert.True(api > 0, "azure.yaml has no service api.");
        Assert.Equal("function", service["host"]);
        Assert.Equal("dotnet", service["language"]);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, service["project"], "Tilskudd.Functions.csproj")), $"azure.yaml's project {service["project"]} is not the Functions project.");
    }

    /// <summary>A role assignment of the roles module: whose, on what type of resource, which role, under what condition.</summary>
    sealed record RoleAssignment(string Principal, string Scope, string Role, string? Condition);

    /// <summary>The roles module's assignments with its variables resolved (a loop gives one assignment per element).</summary>
    static IEnumerable<RoleAssignment> RoleAssignments(JsonElement template)
    {
        foreach (var resource in ArmTemplate.Resources(template).Where(r => r.Type == "Microsoft.Authorization/roleAssignments"))
        {
            var variables = resource.Template.GetProperty("variables");
            var roles = variables.GetProperty("roles");
            string principal = ParameterName().Match(resource.Properties.GetProperty("principalId").GetString()!).Groups[1].Value;
            string scope = ResourceType().Match(resource.Resource.GetProperty("scope").GetString()!).Groups[1].Value;
            string? condition = resource.Resource.TryGetProperty("condition", out var c) ? c.GetString() : null;
            string definition = resource.Properties.GetProperty("roleDefinitionId").GetString()!;

            var loop = LoopVariable().Match(definition);
            var references = loop.Success
                ? variables.GetProperty(loop.Groups[1].Value).EnumerateArray().Select(e => e.GetString()!)
                : [definition];
            foreach (string reference in references)
            {
                string role = roles.GetProperty(RoleName().Match(reference).Groups[1].Value).GetString()!;
                yield return new RoleAssignment(principal, scope, role, condition);
            }
        }
    }

    [GeneratedRegex(@"parameters\('(\w+)'\)")]
    private static partial Regex ParameterName();

    [GeneratedRegex(@"resourceId\('([^']+)'")]
    private static partial Regex ResourceType();

    [GeneratedRegex(@"variables\('(\w+)'\)\[copyIndex\(\)\]")]
    private static partial Regex LoopVariable();

    [GeneratedRegex(@"variables\('roles'\)\.(\w+)")]
    private static partial Regex RoleName();
}

/// <summary>Azure's built-in role definition ids (the same in every tenant), as Azure's role reference lists them.</summary>
static class BuiltInRoles
{
    public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    public const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    public const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    public const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    public const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
}
