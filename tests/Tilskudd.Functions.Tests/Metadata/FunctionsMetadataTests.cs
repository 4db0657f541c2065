using System.Text.Json;
using Tilskudd.Api;
using Tilskudd.Workflow;

namespace Tilskudd.Functions.Tests.Metadata;

public sealed class FunctionsMetadataTests
{
    /// <summary>Functions on a timer, which have no Api route or workflow name; none yet.</summary>
    static readonly string[] TimerFunctions = [];

    /// <summary>The web pages' one catch-all function, which is no Api route.</summary>
    static readonly string[] PageFunctions = [Tilskudd.Functions.Pages.PageFunctions.Name];

    readonly IReadOnlyList<BuiltFunction> functions = BuiltFunctions.Read();

    public static TheoryData<string> ApiRouteNames() => [.. ApiRoutes.All.Select(r => r.Name)];

    BuiltFunction? Find(string name) => functions.SingleOrDefault(f => f.Name == name);

    [Fact]
    public void The_metadata_is_the_one_built_for_the_Functions_project()
    {
        Assert.True(File.Exists(Path.Combine(BuiltFunctions.OutputDirectory, "Tilskudd.Functions.dll")));
        Assert.All(functions, f => Assert.StartsWith("Tilskudd.Functions.", f.EntryPoint, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ApiRouteNames))]
    public void Every_api_route_has_an_http_function_of_its_name_with_its_method_and_route(string name)
    {
        var route = ApiRoutes.All.Single(r => r.Name == name);
        var function = Find(name);

        Assert.True(function is not null, $"No function named {name} in functions.metadata.");
        Assert.Equal("httpTrigger", function.TriggerType);
        var trigger = function.Trigger!.Value;
        Assert.Equal([route.Method.ToUpperInvariant()], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()));
        Assert.Equal(route.Pattern, BuiltFunctions.PathOf(trigger.GetProperty("route").GetString()!));
    }

    [Theory]
    [MemberData(nameof(ApiRouteNames))]
    public void Every_http_function_answers_through_its_return_value(string name)
    {
        // Without an http output binding the host would not wait for the worker's response.
        var function = Find(name);
        Assert.NotNull(function);
        Assert.Contains(function.Bindings, b =>
            b.GetProperty("type").GetString() == "http" && b.GetProperty("direction").GetString() == "Out" && b.GetProperty("name").GetString() == "$return");
    }

    [Theory]
    [MemberData(nameof(ApiRouteNames))]
    public void No_http_function_claims_a_route_the_functions_host_keeps_for_itself(string name)
    {
        // The host refuses, at start, any function route beginning with "admin" or "runtime"
        // whatever the routePrefix (ScriptHost.ValidateHttpFunction): its own management API lives
        // there. The function would be missing in Azure while build and metadata look fine.
        var function = Find(name);
        Assert.NotNull(function);
        string route = function.Trigger!.Value.GetProperty("route").GetString()!.Trim('/');
        Assert.False(
            route.StartsWith("admin", StringComparison.OrdinalIgnoreCase) || route.StartsWith("runtime", StringComparison.OrdinalIgnoreCase),
            $"{name}: the Functions host will not serve the route \"{route}\"; ApiRoutes.{name} needs a pattern outside /api/admin and /api/runtime.");
    }

    [Fact]
    public void No_two_http_functions_share_a_route_and_a_method()
    {
        // The host refuses the second of two functions whose routes and methods overlap.
        var pairs = functions.Where(f => f.TriggerType == "httpTrigger")
            .SelectMany(f => f.Trigger!.Value.GetProperty("methods").EnumerateArray()
                .Select(m => $"{m.GetString()!.ToUpperInvariant()} {f.Trigger!.Value.GetProperty("route").GetString()}"))
            .ToList();

        Assert.Equal(pairs.Count, pairs.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void There_are_no_functions_beyond_the_api_routes_the_workflow_and_the_timers()
    {
        var expected = ApiRoutes.All.Select(r => r.Name)
            .Concat(WorkflowRegistry.Orchestrators)
            .Concat(WorkflowRegistry.Activities)
            .Concat(TimerFunctions)
            .Concat(PageFunctions)
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, functions.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_pages_are_one_anonymous_get_function_on_every_path_the_api_does_not_claim()
    {
        var function = Find(Tilskudd.Functions.Pages.PageFunctions.Name);
        Assert.NotNull(function);
        var trigger = function.Trigger!.Value;
        Assert.Equal("httpTrigger", function.TriggerType);
        Assert.Equal(["GET"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()));
        Assert.Equal("anonymous", trigger.GetProperty("authLevel").GetString(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("/{*path}", BuiltFunctions.PathOf(trigger.GetProperty("route").GetString()!));
        // Pages keep the paths Tilskudd.Local gives them: the host puts nothing before a route.
        Assert.Equal("", BuiltFunctions.RoutePrefix);
    }

    [Fact]
    public void Every_orchestrator_of_the_workflow_has_an_orchestration_triggered_function()
    {
        Assert.NotEmpty(WorkflowRegistry.Orchestrators);
        Assert.All(WorkflowRegistry.Orchestrators, name =>
            Assert.Equal("orchestrationTrigger", Find(name)?.TriggerType));
    }

    [Fact]
    public void Every_activity_of_the_workflow_has_an_activity_triggered_function()
    {
        Assert.NotEmpty(WorkflowRegistry.Activities);
        Assert.All(WorkflowRegistry.Activities, name =>
            Assert.Equal("activityTrigger", Find(name)?.TriggerType));
    }

    [Fact]
    public void Function_names_are_unique()
    {
        Assert.Equal(functions.Count, functions.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void The_durable_extension_is_listed_for_the_host_to_load()
    {
        using var extensions = JsonDocument.Parse(File.ReadAllText(BuiltFunctions.ExtensionsPath));
        var durable = Assert.Single(
            extensions.RootElement.GetProperty("extensions").EnumerateArray(),
            e => e.GetProperty("name").GetString() == "DurableTask");
        string hintPath = durable.GetProperty("hintPath").GetString()!;
        Assert.True(File.Exists(Path.Combine(BuiltFunctions.OutputDirectory, hintPath)), $"{hintPath} is missing from the build output.");
    }
}
