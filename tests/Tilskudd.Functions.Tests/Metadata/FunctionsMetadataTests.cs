using System.Text.Json;
using Tilskudd.Workflow;

namespace Tilskudd.Functions.Tests.Metadata;

public sealed class FunctionsMetadataTests
{
    readonly IReadOnlyList<BuiltFunction> functions = BuiltFunctions.Read();

    BuiltFunction? Find(string name) => functions.SingleOrDefault(f => f.Name == name);

    [Fact]
    public void The_metadata_is_the_one_built_for_the_Functions_project()
    {
        Assert.True(File.Exists(Path.Combine(BuiltFunctions.OutputDirectory, "Tilskudd.Functions.dll")));
        Assert.All(functions, f => Assert.StartsWith("Tilskudd.Functions.", f.EntryPoint, StringComparison.Ordinal));
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
