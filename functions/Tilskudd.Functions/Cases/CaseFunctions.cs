using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Tilskudd.Workflow.Cases;
using Tilskudd.Workflow.Mail;

namespace Tilskudd.Functions.Cases;

/// <summary>
/// The case orchestration and its activities as Azure Functions. Each function forwards to the
/// Workflow class of the same name; one function per name in <see cref="Tilskudd.Workflow.WorkflowRegistry"/>
/// (checked against the built functions.metadata by test). Activity classes come from DI.
/// </summary>
public sealed class CaseFunctions(SendMail sendMail)
{
    [Function(nameof(CaseOrchestrator))]
    public static Task<string> RunCase([OrchestrationTrigger] TaskOrchestrationContext context, CaseStart input) =>
        new CaseOrchestrator().RunAsync(context, input);

    [Function(nameof(SendMail))]
    public Task<MailReceipt> SendMailActivity([ActivityTrigger] MailRequest request, CancellationToken cancellationToken) =>
        sendMail.SendAsync(request, cancellationToken);
}
