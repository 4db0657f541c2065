using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Tilskudd.Workflow.Cases;
using Tilskudd.Workflow.Effects;
using Tilskudd.Workflow.Mail;

namespace Tilskudd.Workflow;

/// <summary>
/// Every orchestrator and activity of the workflow, once. Everything that needs the list reads it here:
/// Tilskudd.Local registers it with the worker (<see cref="Register"/>), the DI setup of both hosts makes its
/// activity classes (<see cref="AddWorkflowActivities"/>), and Tilskudd.Functions has one [Function] per name
/// (checked against the built functions.metadata by test).
/// </summary>
public static class WorkflowRegistry
{
    /// <summary>The activity classes, each named by what it does; the engine knows each by its class name.</summary>
    public static IReadOnlyList<Type> ActivityTypes { get; } =
    [
        typeof(SendMail), typeof(RenderLetter), typeof(RegisterTranche), typeof(ReserveGrant),
        typeof(ReleaseGrant), typeof(NotifyCaseworkers), typeof(UpdateCaseView), typeof(UpdateCaseViewAndMail), typeof(LookUpOrganisation),
    ];

    public static IReadOnlyList<string> Orchestrators { get; } = [nameof(CaseOrchestrator)];

    public static IReadOnlyList<string> Activities { get; } = [.. ActivityTypes.Select(t => t.Name)];

    public static void Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<CaseOrchestrator>();
        foreach (var activity in ActivityTypes)
        {
            registry.AddActivity(activity);
        }
    }

    /// <summary>The activity classes, made per call by the engine's worker or the Functions host.</summary>
    public static IServiceCollection AddWorkflowActivities(this IServiceCollection services)
    {
        foreach (var activity in ActivityTypes)
        {
            services.AddTransient(activity);
        }

        return services;
    }
}
