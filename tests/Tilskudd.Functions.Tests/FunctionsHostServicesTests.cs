using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Tilskudd.Functions.Tests;

public sealed class FunctionsHostServicesTests
{
    public static TheoryData<string> FunctionClasses() => [.. typeof(FunctionsHostServices).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
        .Select(t => t.FullName!)];

    /// <summary>The sample's app settings as the worker sees them: environment variables, "__" read as ":".</summary>
    static IConfiguration SampleSettings()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.File("local.settings.sample.json")));
        var values = sample.RootElement.GetProperty("Values").EnumerateObject()
            .Select(p => KeyValuePair.Create(p.Name.Replace("__", ":", StringComparison.Ordinal), p.Value.GetString()));
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    [Theory]
    [MemberData(nameof(FunctionClasses))]
    public void Every_function_class_is_made_from_the_services_the_host_registers(string className)
    {
        // Composed as Program.cs composes it; the worker adds logging of its own.
        var services = new ServiceCollection().AddLogging().AddTilskuddFunctions(SampleSettings());
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        using var scope = provider.CreateScope();

        var type = typeof(FunctionsHostServices).Assembly.GetType(className, throwOnError: true)!;
        Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));
    }
}
