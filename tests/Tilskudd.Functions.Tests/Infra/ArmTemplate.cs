using System.Text.Json;

namespace Tilskudd.Functions.Tests.Infra;

/// <summary>A resource of the compiled template, with the module (nested deployment) it is declared in.</summary>
public sealed record ArmResource(string Module, JsonElement Template, JsonElement Resource)
{
    public string Type => Resource.GetProperty("type").GetString()!;

    public JsonElement Properties => Resource.GetProperty("properties");
}

/// <summary>Reads what `bicep build` made of infra/main.bicep: modules become nested deployments with inline templates.</summary>
public static class ArmTemplate
{
    /// <summary>Every resource of the template and of its modules' templates.</summary>
    public static IEnumerable<ArmResource> Resources(JsonElement template, string module = "main")
    {
        foreach (var resource in template.GetProperty("resources").EnumerateArray())
        {
            yield return new ArmResource(module, template, resource);
            if (resource.GetProperty("type").GetString() == "Microsoft.Resources/deployments")
            {
                string name = resource.GetProperty("name").GetString()!;
                foreach (var nested in Resources(resource.GetProperty("properties").GetProperty("template"), name))
                {
                    yield return nested;
                }
            }
        }
    }

    public static ArmResource One(JsonElement template, string type) => Resources(template).Single(r => r.Type == type);

    /// <summary>The Function App's app settings: siteConfig.appSettings of the one Microsoft.Web/sites resource, by name.</summary>
    public static IReadOnlyDictionary<string, string> AppSettings(JsonElement template) =>
        One(template, "Microsoft.Web/sites").Properties.GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!, StringComparer.Ordinal);

    /// <summary>A module's parameter as main.bicep passes it (an ARM expression or a literal).</summary>
    public static string ModuleParameter(JsonElement template, string module, string parameter) =>
        Resources(template).Single(r => r.Type == "Microsoft.Resources/deployments" && r.Resource.GetProperty("name").GetString() == module)
            .Properties.GetProperty("parameters").GetProperty(parameter).GetProperty("value").ToString();
}
