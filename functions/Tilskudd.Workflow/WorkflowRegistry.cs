using Microsoft.DurableTask;
using Tilskudd.Workflow.Cases;
using Tilskudd.Workflow.Effects;
using Tilskudd.Workflow.Mail;

namespace Tilskudd.Workflow;

/// <summary>
/// Every orchestrator and activity of the workflow, registered typed. Both hosts use this list:
/// Tilskudd.Local registers it with the worker, Tilskudd.Functions has one [Function] per name.
/// </summary>
public static class WorkflowRegistry
{
    public static IReadOnlyList<string> Orchestrators { get; } = [nameof(CaseOrchestrator)];

    public static IReadOnlyList<string> Activities { get; } =
    [
        nameof(SendMail), nameof(RenderLetter), nameof(RegisterTranche), nameof(ReserveGrant),
        nameof(ReleaseGrant), nameof(NotifyCaseworkers), nameof(UpdateCaseView), nameof(UpdateCaseViewAndMail), nameof(LookUpOrganisation),
    ];

    public static void Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<CaseOrchestrator>();
        registry.AddActivity<SendMail>();
        registry.AddActivity<RenderLetter>();
        registry.AddActivity<RegisterTranche>();
        registry.AddActivity<ReserveGrant>();
        registry.AddActivity<ReleaseGrant>();
        registry.AddActivity<NotifyCaseworkers>();
        registry.AddActivity<UpdateCaseView>();
        registry.AddActivity<UpdateCaseViewAndMail>();
        registry.AddActivity<LookUpOrganisation>();
    }
}
