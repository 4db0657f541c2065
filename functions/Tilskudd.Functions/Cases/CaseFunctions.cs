using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Tilskudd.Domain.Cases;
using Tilskudd.Workflow.Cases;
using Tilskudd.Workflow.Effects;
using Tilskudd.Workflow.Mail;
using Tilskudd.Workflow.Ports;

namespace Tilskudd.Functions.Cases;

/// <summary>
/// The case orchestration and its activities as Azure Functions. Each function forwards to the
/// Workflow class of the same name; one function per name in <see cref="Tilskudd.Workflow.WorkflowRegistry"/>
/// (checked against the built functions.metadata by test). Activity classes come from DI.
/// </summary>
public sealed class CaseFunctions(
    Workflow.Mail.SendMail sendMail,
    Workflow.Effects.RenderLetter renderLetter,
    Workflow.Effects.RegisterTranche registerTranche,
    Workflow.Effects.ReserveGrant reserveGrant,
    Workflow.Effects.ReleaseGrant releaseGrant,
    Workflow.Effects.NotifyCaseworkers notifyCaseworkers,
    Workflow.Effects.UpdateCaseView updateCaseView,
    UpdateCaseViewAndMail updateCaseViewAndMail,
    LookUpOrganisation lookUpOrganisation)
{
    [Function(nameof(CaseOrchestrator))]
    public static Task<CaseSummary?> RunCase([OrchestrationTrigger] TaskOrchestrationContext context, CaseInput input) =>
        new CaseOrchestrator().RunAsync(context, input);

    [Function(nameof(Workflow.Mail.SendMail))]
    public Task<MailReceipt> SendMailActivity([ActivityTrigger] MailRequest request, CancellationToken cancellationToken) =>
        sendMail.SendAsync(request, cancellationToken);

    [Function(nameof(Workflow.Effects.RenderLetter))]
    public Task<bool> RenderLetterActivity([ActivityTrigger] Domain.Cases.RenderLetter letter, CancellationToken cancellationToken) =>
        renderLetter.RenderAsync(letter, cancellationToken);

    [Function(nameof(Workflow.Effects.RegisterTranche))]
    public Task<bool> RegisterTrancheActivity([ActivityTrigger] Domain.Cases.RegisterTranche tranche, CancellationToken cancellationToken) =>
        registerTranche.RegisterAsync(tranche, cancellationToken);

    [Function(nameof(Workflow.Effects.ReserveGrant))]
    public Task<PotPosition> ReserveGrantActivity([ActivityTrigger] PotRequest request, CancellationToken cancellationToken) =>
        reserveGrant.ReserveAsync(request, cancellationToken);

    [Function(nameof(Workflow.Effects.ReleaseGrant))]
    public Task<PotPosition> ReleaseGrantActivity([ActivityTrigger] PotRequest request, CancellationToken cancellationToken) =>
        releaseGrant.ReleaseAsync(request, cancellationToken);

    [Function(nameof(Workflow.Effects.NotifyCaseworkers))]
    public Task<bool> NotifyCaseworkersActivity([ActivityTrigger] Domain.Cases.NotifyCaseworkers notice, CancellationToken cancellationToken) =>
        notifyCaseworkers.NotifyAsync(notice, cancellationToken);

    [Function(nameof(Workflow.Effects.UpdateCaseView))]
    public Task<bool> UpdateCaseViewActivity([ActivityTrigger] CaseViewUpdate update, CancellationToken cancellationToken) =>
        updateCaseView.UpdateAsync(update, cancellationToken);

    [Function(nameof(UpdateCaseViewAndMail))]
    public Task<IReadOnlyList<MailReceipt>> UpdateCaseViewAndMailActivity([ActivityTrigger] CaseViewAndMails update, CancellationToken cancellationToken) =>
        updateCaseViewAndMail.CarryOutAsync(update, cancellationToken);

    [Function(nameof(LookUpOrganisation))]
    public Task<RegisterFacts?> LookUpOrganisationActivity([ActivityTrigger] string organisationNumber, CancellationToken cancellationToken) =>
        lookUpOrganisation.LookUpAsync(organisationNumber, cancellationToken);
}
