using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tilskudd.Api;

namespace Tilskudd.Functions;

/// <summary>What the functions take from DI, in one place so Program.cs and the tests compose it the same way.</summary>
public static class FunctionsHostServices
{
    /// <summary>
    /// The Api's services (storage, mail, rounds, intake) and the workflow's activity classes with
    /// their ports, which the activity functions get injected. The engine's client is not here: the
    /// Durable extension binds it per invocation ([DurableClient]).
    /// </summary>
    public static IServiceCollection AddTilskuddFunctions(this IServiceCollection services, IConfiguration configuration) =>
        services.AddTilskudd(configuration);
}
